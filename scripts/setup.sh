#!/bin/sh
# Installs the Debian 12 packages echeance needs, only those missing. Run as root.
#   sh scripts/setup.sh          build and run the CLI (and the Python module)
#   sh scripts/setup.sh --test   also everything the tests, fuzzers and benchmarks need
set -eu
packages="ca-certificates cmake g++ make pkg-config tzdata libhowardhinnant-date-dev libfmt-dev
nlohmann-json3-dev libcli11-dev pybind11-dev python3-dev libsqlite3-dev libssl-dev"
if [ "${1:-}" = "--test" ]; then
  packages="$packages catch2 librapidcheck-dev libbenchmark-dev libvalijson-dev clang-14
libclang-rt-14-dev clang-format dateutils git python3 python3-pytest python3-icalendar
python3-dask python3-distributed time"
fi
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
