#!/usr/bin/env bash
# Installs what the test suite's outside checks use, if missing: Chromium (the interactive
# page's self-test) and Playwright to drive it (the live workshop's browser test; it uses
# Debian's Chromium, no browser download), networkx and openpyxl (other tools reading netan's files), nbformat (the
# report notebook's schema) and pandas/matplotlib (running the notebook's cells). `make test`
# runs this; a plain `swift test` without them reports those tests as skipped.
set -euo pipefail

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "netan: not a Debian/Ubuntu system; install Chromium and the Python packages networkx, openpyxl, nbformat, pandas and matplotlib to run every test." >&2
    exit 0
fi

# Chromium from Debian; the Python modules for the python3 on the PATH, which may not be
# Debian's (pyenv, venv), so they come from PyPI.
"$(dirname "$0")/apt-install.sh" chromium python3 python3-pip
modules="networkx openpyxl nbformat pandas matplotlib playwright"
if python3 -c "import networkx, openpyxl, nbformat, pandas, matplotlib, playwright" 2>/dev/null; then exit 0; fi
echo "netan: installing $modules for $(command -v python3)" >&2
# shellcheck disable=SC2086
python3 -m pip install --quiet $modules 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages $modules
