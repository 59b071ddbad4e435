#!/usr/bin/env bash
# Throughput of scanner-sast on a local folder: secrets only, then all rules, then (when `rg`
# is installed) ripgrep with the same secret regexes as a baseline. Reports MB/s and files/s.
#
#   bench/sast/run.sh <folder> [repeats]
#
# Runs the engine in-process (dev.bulwark.sast.LocalScan), without gRPC or the content store.
set -euo pipefail

folder=${1:?usage: bench/sast/run.sh <folder> [repeats]}
repeats=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
source bench/sast/classpath.sh
sast_classpath "$work"

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
}

echo "folder: $folder ($(du -sh "$folder" | cut -f1)), last of $repeats runs, each a fresh JVM (ripgrep: mean; its byte count includes the binary files it skips)"
run "secrets-only" --secrets-only
run "all-rules"

if command -v rg >/dev/null 2>&1; then
  # The same secret regexes, for ripgrep's PCRE2 engine (one pass per pattern file).
  python3 - "$root/scanner-sast/src/main/resources/dev/bulwark/sast/rules/secrets.yaml" > "$work/patterns" <<'PY'
import sys, yaml
for rule in yaml.safe_load(open(sys.argv[1]))["rules"]:
    print(rule["regex"].replace("\n", "\\n"))
PY
  bytes=$(find "$folder" -type f -not -path '*/.git/*' -size -2M -print0 | xargs -0 cat 2>/dev/null | wc -c)
  files=$(find "$folder" -type f -not -path '*/.git/*' | wc -l)
  start=$(date +%s.%N)
  for _ in $(seq "$repeats"); do
    rg -P -c --no-messages -f "$work/patterns" "$folder" > "$work/rg.out" || true
  done
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$repeats" "$bytes" "$files" "$work/rg.out" <<'PY'
import sys
start, end, repeats, size, files = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
hits = sum(int(l.rsplit(":", 1)[1]) for l in open(sys.argv[6]) if ":" in l)
s = (end - start) / repeats
print(f"{'ripgrep -P':<14} files={files} bytes={size} matching-lines={hits} seconds={s:.3f} "
      f"MB/s={size / 1e6 / s:.2f} files/s={files / s:.1f}")
PY
else
  echo "ripgrep not installed: no baseline"
fi
