#!/usr/bin/env bash
# Screenshot a report page with headless Chromium and report whether it is blank.
# Usage: scripts/report/screenshot.sh notebooks-out/demo/index.html out.png
# Needs Debian's chromium package (apt-get install chromium); not part of `make test`.
set -euo pipefail
page=$(realpath "$1"); out=${2:-screenshot.png}
chromium --headless --no-sandbox --disable-gpu --window-size=1200,2400 --screenshot="$out" "file://$page" >/dev/null 2>&1
python3 - "$out" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], "rb").read()
# Count distinct bytes in the compressed image data as a cheap "not blank" test.
idat = b"".join(data[i + 8:i + 8 + struct.unpack(">I", data[i:i + 4])[0]] for i in range(8, len(data)) if data[i + 4:i + 8] == b"IDAT")
pixels = zlib.decompress(idat)
distinct = len(set(pixels[::97]))
print(f"{sys.argv[1]}: {len(data)} bytes, {distinct} distinct sampled values")
sys.exit(0 if distinct > 8 else 1)
PY
