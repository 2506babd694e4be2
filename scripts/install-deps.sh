#!/usr/bin/env bash
# Installs the Debian packages golive needs to build and test, only those missing.
# Usage: scripts/install-deps.sh [tidy]
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git python3
  libyaml-dev nlohmann-json3-dev libcli11-dev libre2-dev libgit2-dev
  libvectorscan-dev libssl-dev ripgrep libgtest-dev libgmock-dev libbenchmark-dev gcovr
  clang-format
)
# make tidy also needs clang (its preset compiles with clang, so flags are clang's own).
if [ "${1:-}" = "tidy" ]; then
  packages+=(clang clang-tidy)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "golive: installing missing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
