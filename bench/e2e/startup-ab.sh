#!/usr/bin/env bash
# Start-up figures of two builds of the distribution, A and B, measured interleaved in ONE run (a
# busy machine slows both alike, so the B/A ratios stay meaningful): `bulwark --version` (the JVM +
# CLI floor), `bulwark scan` of an empty folder (a BULWARK_HOME without advisories, and one with
# the OSV fixtures imported), and `bulwark check --staged` of a one-file change in a 1,000+ file
# repository (what the pre-commit hook runs). Each jar runs through the launcher of its checkout when it
# has one (its JVM flags), else with its own CDS archive (<jar>.jsa, made by packaging/cds-archive.sh).
# Usage: bench/e2e/startup-ab.sh <A/bulwark.jar> <B/bulwark.jar> [runs (default 5)] [osv folder]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
a="$(readlink -f "${1:?usage: startup-ab.sh <A.jar> <B.jar> [runs] [osv]}")"
b="$(readlink -f "${2:?usage: startup-ab.sh <A.jar> <B.jar> [runs] [osv]}")"
runs="${3:-5}"
osv="${4:-$root/../shared/osv}"
jdk_src="${JDK_SRC:-/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# How each build runs, as its own launcher runs it: the repository launcher of the checkout the jar was built
# in (<root>/bulwark for <root>/distribution/target/bulwark.jar, the one the hook runs) when there is one, so
# that its JVM flags count; else `java` with the jar's CDS archive. Keep a build to compare with as a copy of
# both: cp bulwark /tmp/a/ && cp distribution/target/bulwark.jar* /tmp/a/distribution/target/ (a copy
# without pom.xml never rebuilds) and make its archive there (README).
runner() { # jar: the command words that run it
  local jar=$1 launcher="${1%/distribution/target/bulwark.jar}/bulwark"
  if [[ "$jar" == */distribution/target/bulwark.jar && -x "$launcher" ]]; then echo "$launcher"
  else echo "java $(cds "$jar") -jar $jar"; fi
}
cds() { # the CDS flags for a jar; an archive older than its jar does not match it: the JVM would silently run without any
  [[ -f "${1%.jar}.jsa" && "${1%.jar}.jsa" -nt "$1" ]] && echo "-XX:SharedArchiveFile=${1%.jar}.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  return 0
}
ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN {printf "%.2f", (y > 0 ? x / y : 0)}'; }
# CPU time (user + system) of each run too, when /usr/bin/time is there: on a busy machine it
# grows far less than wall time, so its ratios are the steadier ones.
cpu_of=()
[[ -x /usr/bin/time ]] && cpu_of=(/usr/bin/time -f '%U %S' -o "$work/cpu")
timed() { # prints "wall-ms cpu-ms" of a run that exited 0 (PASS) or 1 (FAIL); any other exit stops the bench
  local t0 rc=0 cpu=0; t0=$(ms); "${cpu_of[@]}" "$@" >/dev/null 2>"$work/last.err" || rc=$?
  local wall=$(( $(ms) - t0 ))
  (( rc <= 1 )) || { echo "FAILED (exit $rc): $*" >&2; tail -3 "$work/last.err" >&2; exit 2; }
  [[ ${#cpu_of[@]} -gt 0 && -f "$work/cpu" ]] && cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$work/cpu")
  echo "$wall:$cpu"
}

mkdir -p "$work/empty" "$work/repo"
unzip -q "$jdk_src" 'java.base/java/util/*' 'java.base/java/io/*' 'java.base/java/net/*' 'java.base/java/time/*' \
  'java.base/java/text/*' 'java.base/java/nio/*' 'java.base/java/security/*' -d "$work/repo/jdk"
cp -r "$root/../shared/fixtures/repos/vulnerable-app" "$work/repo/app"
g() { git -C "$work/repo" -c user.name=bench -c user.email=bench@example.com "$@"; }
g init -q && g add -A && g commit -q -m "the tree" --no-verify
printf 'package bench;\nclass Change { int size() { return 1; } }\n' > "$work/repo/Change.java"
g add Change.java

for side in a b; do
  jar=${!side}
  [[ -f "${jar%.jar}.jsa" && "${jar%.jar}.jsa" -nt "$jar" ]] \
    || echo "WARNING: no CDS archive newer than $jar: it runs without one" >&2
  # one untimed scan each: creates the embedded databases (and imports the advisories into "osv")
  echo "$side runs: $(runner "$jar")" >&2
  BULWARK_HOME="$work/$side-plain" $(runner "$jar") scan "$work/empty" --format json >/dev/null 2>&1 || true
  BULWARK_HOME="$work/$side-osv" $(runner "$jar") scan "$work/empty" --advisories "$osv" --format json >/dev/null 2>&1 || true
done

declare -A t
for _ in $(seq 1 "$runs"); do
  for side in a b; do
    jar=${!side}
    run=$(runner "$jar")
    t[$side-version]+="$(timed $run --version) "
    t[$side-empty]+="$(BULWARK_HOME="$work/$side-plain" timed $run scan "$work/empty" --format json) "
    t[$side-empty-osv]+="$(BULWARK_HOME="$work/$side-osv" timed $run scan "$work/empty" --format json) "
    t[$side-check]+="$(cd "$work/repo" && BULWARK_HOME="$work/$side-plain" timed $run check --staged) "
  done
done

echo "A: $a"
echo "B: $b"
echo "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $runs runs each, interleaved; medians in ms (wall, and CPU user+system)"
summary=""
cpu_summary=""
walls() { printf '%s\n' $1 | cut -d: -f1; }
cpus() { printf '%s\n' $1 | cut -d: -f2; }
for what in version empty empty-osv check; do
  ma=$(walls "${t[a-$what]}" | median); mb=$(walls "${t[b-$what]}" | median)
  ca=$(cpus "${t[a-$what]}" | median); cb=$(cpus "${t[b-$what]}" | median)
  printf '%-10s A %5d  cpu %5d  [%s]\n           B %5d  cpu %5d  [%s]\n' "$what" "$ma" "$ca" \
    "$(walls "${t[a-$what]}" | tr '\n' ' ' | sed 's/ $//')" "$mb" "$cb" "$(walls "${t[b-$what]}" | tr '\n' ' ' | sed 's/ $//')"
  summary+=" $what=$(ratio "$mb" "$ma")"
  cpu_summary+=" $what=$(ratio "$cb" "$ca")"
done
echo "CPU ratios B/A:$cpu_summary"
echo "ratios B/A:$summary"
