#!/usr/bin/env bash
# Benchmarks scanner-sca's advisory pipeline on real OSV data:
#   import of an OSV folder into an empty store, opening the store (and loading its index),
#   matching a 20,000-package inventory built from real advisory package names.
# Usage: bench/sca/run.sh [osv-folder (default ../shared/osv)] [runs (default 5)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
osv="${1:-$root/../shared/osv}"
runs="${2:-5}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# -am: the advisories library comes from the reactor (its target/classes), never from ~/.m2;
# the last module built (scanner-sca) writes the classpath file.
./mvnw -q -B -pl scanner-sca -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=test >/dev/null
cp="scanner-sca/target/test-classes:scanner-sca/target/classes:$(cat "$cp_file")"
# The target is a heap under 512 MiB: run inside that limit.
exec java -Xmx512m -cp "$cp" dev.bulwark.sca.bench.ScaBenchmark "$osv" "$runs"
