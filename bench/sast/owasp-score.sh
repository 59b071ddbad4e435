#!/usr/bin/env bash
# Scores scanner-sast on OWASP Benchmark-style test cases: one file per case, named after the
# case (BenchmarkTest00001.java), and the benchmark's expected-results CSV
# (test name, category, real vulnerability, cwe). A case counts as flagged only when a finding in
# its file carries the category's exact CWE. Prints TPR, FPR and TPR-FPR per category and their
# average (the benchmark's score).
#
#   bench/sast/owasp-score.sh <folder with the cases (and helpers)> <expectedresults.csv> [--misses]
#
# The benchmark itself is not part of this repository: point the script at a local copy.
set -euo pipefail

folder=${1:?usage: bench/sast/owasp-score.sh <folder> <expected.csv> [--misses]}
expected=${2:?usage: bench/sast/owasp-score.sh <folder> <expected.csv> [--misses]}
misses=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
source bench/sast/classpath.sh
sast_classpath "$work"
java -Xmx1g -cp "$cp" dev.bulwark.sast.LocalScan "$folder" > "$work/findings" 2> "$work/stats" \
  || { cat "$work/stats"; exit 1; }
grep '^files=' "$work/stats"
grep '^problem' "$work/stats" | head -20 || true

python3 - "$expected" "$work/findings" "$misses" <<'PY'
import collections, re, sys
expected, findings, show = sys.argv[1], sys.argv[2], sys.argv[3] == "--misses"
flagged = collections.defaultdict(set)
for line in open(findings):
    m = re.match(r"(?:.*/)?(BenchmarkTest\d+)\.java:\d+ \S+ CWE\[([\d, ]*)\]", line)
    if m:
        flagged[m.group(1)].update(int(c) for c in m.group(2).split(",") if c.strip())
present = set()
import os
cases = []
for line in open(expected):
    if line.startswith("#") or not line.strip():
        continue
    name, cat, real, cwe = [x.strip() for x in line.split(",")[:4]]
    cases.append((name, cat, real == "true", int(cwe)))
stats = collections.defaultdict(lambda: [0, 0, 0, 0])  # tp fn fp tn
wrong = []
for name, cat, real, cwe in cases:
    hit = cwe in flagged.get(name, set())
    s = stats[cat]
    s[0 if real and hit else 1 if real else 2 if hit else 3] += 1
    if hit != real:
        wrong.append(f"{'FN' if real else 'FP'} {cat:<12} {name}")
scores = []
print(f"{'category':<13} {'TP':>4} {'FN':>4} {'FP':>4} {'TN':>4} {'TPR':>7} {'FPR':>7} {'score':>7}")
for cat in sorted(stats):
    tp, fn, fp, tn = stats[cat]
    tpr = tp / (tp + fn) if tp + fn else 0.0
    fpr = fp / (fp + tn) if fp + tn else 0.0
    scores.append(tpr - fpr)
    print(f"{cat:<13} {tp:>4} {fn:>4} {fp:>4} {tn:>4} {tpr:>7.1%} {fpr:>7.1%} {tpr - fpr:>7.1%}")
print(f"cases={len(cases)} categories={len(scores)} average score={sum(scores) / len(scores):.1%}")
if show:
    print("\n".join(sorted(wrong)))
PY
