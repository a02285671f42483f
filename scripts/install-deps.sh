#!/usr/bin/env bash
# Installs the system packages netan needs to build and render, if they are missing:
# Graphviz' C library and headers, pkg-config, a font for text in PNG/PDF diagrams, and
# SQLite's headers (the live workshop's journal, through GRDB), libxml2's headers (GraphML and
# GEXF above 10 MB, which Foundation's XML parser refuses).
set -euo pipefail

if [ "$(uname -s)" = "Darwin" ]; then
    # Homebrew's libxml2 is keg-only (the Makefile sets the same path for the build).
    if command -v brew >/dev/null 2>&1; then
        PKG_CONFIG_PATH="$(brew --prefix libxml2)/lib/pkgconfig:${PKG_CONFIG_PATH:-}"
        export PKG_CONFIG_PATH
    fi
    if pkg-config --exists libgvc libxml-2.0 2>/dev/null; then exit 0; fi
    if command -v brew >/dev/null 2>&1; then
        echo "netan: installing graphviz, pkg-config and libxml2 with Homebrew" >&2
        brew install graphviz pkg-config libxml2
    else
        echo "netan: install Homebrew (https://brew.sh), then run: brew install graphviz pkg-config libxml2" >&2
        exit 1
    fi
    exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    if pkg-config --exists libgvc libxml-2.0 2>/dev/null; then exit 0; fi
    echo "netan: not a Debian/Ubuntu system; install Graphviz development files (libgvc), SQLite development files (libsqlite3), libxml2 development files (libxml-2.0), pkg-config and a TrueType font (DejaVu) with your package manager." >&2
    exit 1
fi

"$(dirname "$0")/apt-install.sh" libgraphviz-dev pkg-config fonts-dejavu-core libsqlite3-dev libxml2-dev
