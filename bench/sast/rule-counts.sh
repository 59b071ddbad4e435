#!/usr/bin/env bash
# Findings per rule and confidence of scanner-sast (all rules) on a folder of real code, and the
# scan's throughput: how noisy the rules are on code no rule was tuned on (e.g. the JDK's sources:
# mkdir /tmp/jdk-src && unzip -q "$JAVA_HOME/lib/src.zip" -d /tmp/jdk-src).
#
#   bench/sast/rule-counts.sh <folder>       FINDINGS=<file> keeps the findings
set -euo pipefail

folder=${1:?usage: bench/sast/rule-counts.sh <folder>}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
source bench/sast/classpath.sh
sast_classpath "$work"
java -Xmx2g -Dbulwark.sast.parse-stats=true -cp "$cp" dev.bulwark.sast.LocalScan "$folder" > "$work/findings" \
  2> "$work/stats" || { cat "$work/stats"; exit 1; }
grep -E '^(files|parsed)' "$work/stats"
[ -n "${FINDINGS:-}" ] && cp "$work/findings" "$FINDINGS"

python3 - "$work/findings" <<'PY'
import collections, re, sys
counts, cwes = collections.Counter(), collections.defaultdict(collections.Counter)
for line in open(sys.argv[1]):
    m = re.match(r"\S+:\d+ (\S+) CWE\[([^\]]*)\] \S+ CONFIDENCE_(\S+) \|", line)
    if m:
        counts[(m.group(1), m.group(3))] += 1
        cwes[m.group(1)][m.group(2)] += 1
print(f"{'rule':<42} {'HIGH':>5} {'MED':>5} {'LOW':>5} {'total':>6}  CWE lists")
for rule in sorted(cwes):
    h, md, lo = (counts[(rule, c)] for c in ("HIGH", "MEDIUM", "LOW"))
    print(f"{rule:<42} {h:>5} {md:>5} {lo:>5} {h + md + lo:>6}  " + "; ".join(f"[{k}] {v}" for k, v in cwes[rule].items()))
PY
