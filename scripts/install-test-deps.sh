#!/usr/bin/env bash
# Installs what the test suite's outside checks use, if missing: Chromium (the interactive
# page's self-test), networkx and openpyxl (other tools reading netan's files), nbformat (the
# report notebook's schema) and pandas/matplotlib (running the notebook's cells). `make test` runs this; a plain `swift test` without them
# reports those tests as skipped.
set -euo pipefail

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "netan: not a Debian/Ubuntu system; install Chromium and the Python packages networkx, openpyxl and nbformat to run every test." >&2
    exit 0
fi

packages=(chromium python3 python3-pip python3-networkx python3-openpyxl python3-nbformat)
missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
python_packages() {
    # The python3 on the PATH may not be Debian's (pyenv, venv): it needs the modules itself.
    local modules="networkx openpyxl nbformat pandas matplotlib"
    if python3 -c "import networkx, openpyxl, nbformat, pandas, matplotlib" 2>/dev/null; then return 0; fi
    echo "netan: installing $modules for $(command -v python3)" >&2
    python3 -m pip install --quiet $modules 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages $modules
}

if [ ${#missing[@]} -eq 0 ]; then python_packages; exit 0; fi

echo "netan: installing for the tests: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "netan: run as root, or install: apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
python_packages
