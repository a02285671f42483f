#!/usr/bin/env bash
# Regenerates datasets/regions/: six real jeugdregio's, two years each, synthetic relations.
# Settings differ on purpose, so the comparison has something to show:
#   west-brabant-oost  dominance of one large provider grows (0.35 → 0.6)
#   flevoland          many small contracts (fragmentation 0.6 → 0.7)
#   twente             balanced, client organisations well involved
#   utrecht-stad       one gemeente, no regional body (direct contracting)
#   groningen          client organisations lose their direct line (0.8 → 0.3)
#   zeeland            rural: fewer providers; the regio steps back in year two
# The seed of a region stays the same across its years, so only the settings differ.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product netan >/dev/null
N=.build/debug/netan
gen() { # name code seed year args...
  local name=$1 code=$2 seed=$3 year=$4; shift 4
  rm -rf "datasets/regions/$name/$year"
  "$N" generate "$code" -o "datasets/regions/$name/$year" --seed "$seed" --year "$year" "$@"
}
gen west-brabant-oost JZ34 34 2023 --dominance 0.35
gen west-brabant-oost JZ34 34 2024 --dominance 0.6
gen flevoland JZ08 8 2023 --fragmentation 0.6
gen flevoland JZ08 8 2024 --fragmentation 0.7 --providers 140
gen twente JZ14 14 2023 --dominance 0.2 --fragmentation 0.15 --client-involvement 0.95
gen twente JZ14 14 2024 --dominance 0.2 --fragmentation 0.1 --client-involvement 1
gen utrecht-stad JZ22 22 2023 --no-intermediaries
gen utrecht-stad JZ22 22 2024 --no-intermediaries --dominance 0.45
gen groningen JZ01 1 2023 --client-involvement 0.8
gen groningen JZ01 1 2024 --client-involvement 0.3
gen zeeland JZ38 38 2023 --providers 40 --fragmentation 0.4
gen zeeland JZ38 38 2024 --providers 40 --fragmentation 0.4 --no-intermediaries
