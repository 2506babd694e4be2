#!/usr/bin/env bash
# make bench: whole-program scan time against the I/O floor on a generated corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 bench/run.py "$@"
