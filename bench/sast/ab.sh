#!/usr/bin/env bash
# A/B of scanner-sast, all rules, on a folder: this tree's build against another git ref's, run
# interleaved in one session (a fresh JVM each run), so that a busy machine slows both alike.
# Prints every run's LocalScan line, then (last line) the medians' ratios base/this of wall
# seconds and of CPU seconds (above 1: this tree is faster), and whether the findings are equal.
#
#   bench/sast/ab.sh <base ref> <folder> [rounds (default 3)]      e.g. bench/sast/ab.sh main /tmp/jdk3
set -euo pipefail

ref=${1:?usage: bench/sast/ab.sh <base ref> <folder> [rounds]}
folder=${2:?usage: bench/sast/ab.sh <base ref> <folder> [rounds]}
rounds=${3:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
cleanup() {
  git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
source bench/sast/classpath.sh
mkdir -p "$work/this" "$work/basecp"
sast_classpath "$work/this"
this_cp=$cp
git worktree add -q --detach "$work/base" "$ref"
(cd "$work/base" && sast_classpath "$work/basecp" && echo "$cp" > "$work/base.cp")
base_cp=$(cat "$work/base.cp")

run() { # label classpath
  java -Xmx1g -cp "$2" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dev.bulwark.sast.LocalScan "$folder" \
    > "$work/findings-$1" 2> "$work/stats" || { cat "$work/stats"; exit 1; }
  line=$(grep '^files=' "$work/stats")
  printf '%-5s %s load=%s\n' "$1" "$line" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$work/runs"
}
for _ in $(seq "$rounds"); do
  run base "$base_cp"
  run this "$this_cp"
done
same=$(cmp -s <(sort "$work/findings-base") <(sort "$work/findings-this") && echo yes || echo NO)
python3 - "$work/runs" "$same" <<'PY'
import re, statistics, sys
runs = {"base": [], "this": []}
for line in open(sys.argv[1]):
    label = line.split()[0]
    runs[label].append((float(re.search(r" seconds=([\d.]+)", line).group(1)),
                        float(re.search(r"cpu-seconds=([\d.]+)", line).group(1))))
med = {k: [statistics.median(x[i] for x in v) for i in (0, 1)] for k, v in runs.items()}
print(f"medians base/this: wall {med['base'][0] / med['this'][0]:.2f}x  cpu {med['base'][1] / med['this'][1]:.2f}x"
      f"  (this: {med['this'][0]:.1f} s wall, {med['this'][1]:.1f} CPU s; same findings: {sys.argv[2]})")
PY
