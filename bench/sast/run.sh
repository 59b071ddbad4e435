#!/usr/bin/env bash
# Throughput of scanner-sast on a local folder: secrets only, then all rules, then (when `rg`
# is installed) ripgrep with the same secret regexes as a baseline. Reports MB/s and files/s.
#
#   bench/sast/run.sh <folder> [repeats]       SKIP_ALL_RULES=1 measures the secrets pass only
#
# Runs the engine in-process (dev.bulwark.sast.LocalScan), without gRPC or the content store.
set -euo pipefail

folder=${1:?usage: bench/sast/run.sh <folder> [repeats]}
repeats=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
# One reactor run: the sibling modules (proto, common) resolve from their target/ folders, never ~/.m2.
./mvnw -q -B -pl scanner-sast -am -DskipTests -Djacoco.skip=true package dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="$root/scanner-sast/target/classes:$root/scanner-sast/target/test-classes:$(cat "$work/cp.txt")"

run() { # label, extra LocalScan args
  local label=$1; shift
  local best=""  # the last run is reported (warm file cache)
  for _ in $(seq "$repeats"); do
    java -Xmx1g -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dev.bulwark.sast.LocalScan --quiet "$@" "$folder" \
      2> "$work/stats" >/dev/null || { cat "$work/stats"; exit 1; }
    line=$(grep '^files=' "$work/stats")
    best="$line"  # the last run (warm file cache) is reported
  done
  printf '%-14s %s\n' "$label" "$best"
  if [ "$label" = secrets-only ]; then
    secrets_seconds=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<< "$best")
  fi
}

echo "folder: $folder ($(du -sh "$folder" | cut -f1)), last of $repeats runs, each a fresh JVM (ripgrep: mean; its byte count includes the binary files it skips)"
secrets_seconds=""
run "secrets-only" --secrets-only
if [ -z "${SKIP_ALL_RULES:-}" ]; then
  run "all-rules"
fi

if command -v rg >/dev/null 2>&1; then
  # The same secret regexes as the analyzer runs (expanded from the rule files), for ripgrep's PCRE2
  # engine. PCRE2 cannot compile all of them as one pattern, so they go in chunks of 60 (five passes),
  # each over every file; the reported time is the sum.
  java -cp "$cp" dev.bulwark.sast.secrets.bench.SecretPatterns > "$work/patterns"
  split -l 60 "$work/patterns" "$work/chunk."
  bytes=$(find "$folder" -type f -not -path '*/.git/*' -size -2M -print0 | xargs -0 cat 2>/dev/null | wc -c)
  files=$(find "$folder" -type f -not -path '*/.git/*' | wc -l)
  start=$(date +%s.%N)
  for _ in $(seq "$repeats"); do
    for chunk in "$work"/chunk.*; do
      rg -P -c --no-messages -f "$chunk" "$folder" || true
    done > "$work/rg.out"
  done
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$repeats" "$bytes" "$files" "$work/rg.out" "$(wc -l < "$work/patterns")" "$secrets_seconds" <<'PY2'
import sys
start, end, repeats, size, files = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
hits = sum(int(l.rsplit(":", 1)[1]) for l in open(sys.argv[6]) if ":" in l)
s = (end - start) / repeats
print(f"{'ripgrep -P':<14} patterns={sys.argv[7]} files={files} bytes={size} matching-lines={hits} seconds={s:.3f} "
      f"MB/s={size / 1e6 / s:.2f} files/s={files / s:.1f}")
if sys.argv[8]:
    print(f"secrets-only takes {float(sys.argv[8]) / s:.2f}x ripgrep's time (target: at most 2x)")
PY2
else
  echo "ripgrep not installed: no baseline"
fi
