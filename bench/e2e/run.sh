#!/usr/bin/env bash
# End-to-end: `bulwark scan` of the shared fixture apps on the embedded cluster (five services
# on loopback, real OSV data, embedded database), as a pipeline runs it: a new JVM every time.
#   cold: a fresh BULWARK_HOME (advisory import, empty content store and caches)
#   warm: the same BULWARK_HOME again (store imported, blobs already uploaded)
# Usage: bench/e2e/run.sh [runs (default 5)] [osv folder (default ../shared/osv)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-5}"
osv="${2:-$root/../shared/osv}"
app="$root/../shared/fixtures/repos/vulnerable-app"
./bulwark --version >/dev/null   # builds the CLI when needed
jar="$root/distribution/target/bulwark.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

scan() { # home
  BULWARK_HOME="$1" java -jar "$jar" scan "$app" --advisories "$osv" --format json --output "$work/out.json" \
    >/dev/null 2>&1 || [[ $? -eq 1 ]]
}

cold=(); warm=()
for i in $(seq 1 "$runs"); do
  home="$work/home-$i"
  t0=$(ms); scan "$home"; t1=$(ms); scan "$home"; t2=$(ms)
  cold+=($((t1 - t0))); warm+=($((t2 - t1)))
done
findings=$(python3 -c "import json;print(len(json.load(open('$work/out.json'))['findings']))" 2>/dev/null || echo "?")
echo "vulnerable-app, $runs runs, $findings findings, $(nproc) cores"
echo "cold scan (new BULWARK_HOME): median $(printf '%s\n' "${cold[@]}" | median) ms  [${cold[*]}]"
echo "warm scan (same BULWARK_HOME): median $(printf '%s\n' "${warm[@]}" | median) ms  [${warm[*]}]"
