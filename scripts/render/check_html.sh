#!/usr/bin/env bash
# Opens an interactive netan page in headless Chromium, runs its built-in self-test (unticks
# every filter box in turn, checks that exactly what it names disappears and that ticking it
# again restores everything) and checks the console for errors. Usage: scripts/render/check_html.sh view.html
# Exit 0 ok, 1 failed, 3 when Chromium is not installed (callers may skip).
set -uo pipefail
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "skipped: chromium not installed"; exit 3; }
page=$(realpath "$1")
log=$(mktemp)
dom=$("$browser" --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --virtual-time-budget=3000 \
      --dump-dom "file://$page#selftest" 2>"$log")
status=0
if ! grep -q 'data-selftest="ok"' <<<"$dom"; then echo "self-test failed"; status=1; fi
if grep -E "Uncaught|SyntaxError|TypeError|ReferenceError" "$log"; then echo "console errors"; status=1; fi
rm -f "$log"
[ $status -eq 0 ] && echo "ok: filters work, no console errors"
exit $status
