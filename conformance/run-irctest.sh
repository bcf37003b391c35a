#!/usr/bin/env bash
# Runs the public irctest conformance suite against Parley and prints a per-module table.
#
#   conformance/run-irctest.sh [--cluster] IRCTEST_DIR [extra pytest arguments]
#
# --cluster (or PARLEY_IRCTEST_CLUSTER=2 in the environment) runs each test against a 2-node
# cluster: a fresh MariaDB database (127.0.0.1:3306, root, no password; the `mariadb` program) and a
# Redis key prefix of the test's own (127.0.0.1:6379; `redis-cli`), node 1 on the port irctest
# gives, where its clients connect, and node 2 on free ports (parley_controller.py). Both are
# removed after each test, and whatever a test left behind when the script ends. The nodes' output
# is kept in $IRCTEST_OUT/node-logs/<test>/node{1,2}.log (or PARLEY_IRCTEST_LOGS).
#
# IRCTEST_DIR is a checkout of https://github.com/progval/irctest (commit b00c039 or newer); it is
# not part of this repository. Python needs pytest >= 8, ecdsa and filelock (Debian:
# python3-ecdsa, python3-filelock); set PYTHON to choose the interpreter.
set -euo pipefail

if [ "${1:-}" = "--cluster" ]; then
  export PARLEY_IRCTEST_CLUSTER=2
  shift
fi
if [ $# -lt 1 ]; then
  echo "usage: $0 [--cluster] IRCTEST_DIR [pytest args...]" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
irctest="$(cd "$1" && pwd)"
shift

out="${IRCTEST_OUT:-$repo/conformance/target}"
mkdir -p "$out"

# irctest needs pytest >= 8 (pyenv's python3 has it; Debian 12's is too old), plus ecdsa and
# filelock, which Debian packages: those pure-Python modules are linked into a private folder.
python="${PYTHON:-python3}"
pydeps="$out/pydeps"
mkdir -p "$pydeps"
for module in ecdsa filelock six.py; do
  if [ -e "/usr/lib/python3/dist-packages/$module" ] && [ ! -e "$pydeps/$module" ]; then
    ln -s "/usr/lib/python3/dist-packages/$module" "$pydeps/$module"
  fi
done
if ! PYTHONPATH="$pydeps" "$python" -c 'import pytest, ecdsa, filelock, sys; sys.exit(int(pytest.__version__.split(".")[0]) < 8)'; then
  echo "$python lacks pytest >= 8, ecdsa or filelock (Debian: python3-ecdsa python3-filelock)" >&2
  exit 2
fi

"$repo/parley" --version >/dev/null   # builds the jar when it is missing or stale

cd "$irctest"
# irctest does not stop the server of a test skipped after start-up; the marker lets us do it.
export PARLEY_IRCTEST_RUN="run-$$-$(date +%s)"
cleanup() {
  pkill -f -- "-Dparley.irctest.run=$PARLEY_IRCTEST_RUN" || true
  if [ "${PARLEY_IRCTEST_CLUSTER:-1}" = 2 ]; then
    "$python" "$here/parley_cluster.py" cleanup "$PARLEY_IRCTEST_RUN" || true
  fi
}
trap cleanup EXIT
if [ "${PARLEY_IRCTEST_CLUSTER:-1}" = 2 ]; then
  mode="2-node cluster (client on node 1; MariaDB and Redis on 127.0.0.1)"
  # each test's two node logs, in a folder named after the test
  export PARLEY_IRCTEST_LOGS="${PARLEY_IRCTEST_LOGS:-$out/node-logs}"
  rm -rf "$out/node-logs"
else
  mode="single node (SQLite)"
fi
# The selection is irctest's whole package, as its Makefile runs it (551 tests at b00c039): the
# server tests plus irctest's own self-tests (122, which check the suite's message matching, not
# the server). The summary prints the server tests alone too.
set +e
PYTHONPATH="$irctest:$here:$pydeps" "$python" -m pytest -p no:cacheprovider -q -rN \
  --controller parley_controller \
  -m 'not implementation-specific and not deprecated and not strict' \
  --junitxml "$out/irctest-junit.xml" \
  irctest/server_tests irctest/self_tests "$@" > "$out/irctest-output.txt" 2>&1
set -e
echo "mode: $mode"
"$python" "$here/summarize_junit.py" "$out/irctest-junit.xml"
