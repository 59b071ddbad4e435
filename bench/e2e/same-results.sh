#!/usr/bin/env bash
# Do two revisions of Bulwark give the same results? Builds the full CLI of each revision (in
# temporary git worktrees), scans the shared fixture apps with each (embedded cluster, the shared
# OSV data, no network), drops what differs on every run (scan id, durations, timestamps, the
# order of lists), and prints per app: equal, or the findings only one side has and the fields
# that changed. A restructuring must print "equal"; a feature prints exactly what it changed.
# Usage: bench/e2e/same-results.sh REV_A [REV_B (default: the working tree)] [osv folder]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
rev_a="${1:?usage: same-results.sh REV_A [REV_B] [osv]}"
rev_b="${2:-}"
osv="${3:-$root/../shared/osv}"
work="$(mktemp -d)"
cleanup() {
  for t in "$work"/tree-*; do [[ -d "$t" ]] && git worktree remove --force "$t" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

build() { # rev dir -> path of bulwark.jar
  local rev="$1" dir="$2"
  if [[ -z "$rev" ]]; then dir="$root"; else git worktree add --detach "$dir" "$rev" >/dev/null 2>&1; fi
  (cd "$dir" && ./mvnw -q -B -ntp -DskipTests -Dbulwark.bundle.skip=true package >/dev/null)
  # the full CLI moved from client/ to distribution/ during the wave
  for jar in "$dir/distribution/target/bulwark.jar" "$dir/client/target/bulwark.jar"; do
    [[ -f "$jar" ]] && { echo "$jar"; return; }
  done
  echo "no bulwark.jar built for ${rev:-the working tree}" >&2; exit 2
}

scan() { # jar app out
  BULWARK_HOME="$work/home-$RANDOM" java -jar "$1" scan "$root/../shared/fixtures/repos/$2" \
    --advisories "$osv" --project "$2" --format json --output "$3" >/dev/null 2>&1 || [[ $? -le 1 ]]
}

jar_a="$(build "$rev_a" "$work/tree-a")"
jar_b="$(build "$rev_b" "$work/tree-b")"
for app in vulnerable-app clean-app; do
  scan "$jar_a" "$app" "$work/$app-a.json"
  scan "$jar_b" "$app" "$work/$app-b.json"
  python3 - "$app" "$work/$app-a.json" "$work/$app-b.json" <<'EOF'
import json, sys
app, a, b = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
VOLATILE = {"scanId", "durationMs", "time", "timestamp", "startedAt", "finishedAt"}
def norm(v):
    if isinstance(v, dict):
        return {k: norm(x) for k, x in sorted(v.items()) if k not in VOLATILE}
    if isinstance(v, list):
        return sorted((norm(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
    return v
def key(f):
    loc = f.get("location", {}); pkg = f.get("package", {})
    return (f.get("ruleId"), loc.get("path"), loc.get("startLine"), pkg.get("name"), pkg.get("version"),
            (f.get("advisory") or {}).get("id"))
fa = {key(f): norm(f) for f in a.get("findings", [])}
fb = {key(f): norm(f) for f in b.get("findings", [])}
only_a, only_b = sorted(set(fa) - set(fb), key=str), sorted(set(fb) - set(fa), key=str)
changed = {}
for k in set(fa) & set(fb):
    for field in sorted(set(fa[k]) | set(fb[k])):
        if fa[k].get(field) != fb[k].get(field):
            changed[field] = changed.get(field, 0) + 1
verdict_a, verdict_b = a["decision"]["verdict"] if isinstance(a.get("decision"), dict) else a.get("decision"), \
    b["decision"]["verdict"] if isinstance(b.get("decision"), dict) else b.get("decision")
if not only_a and not only_b and not changed and verdict_a == verdict_b:
    print(f"{app}: equal ({len(fa)} findings, {verdict_a})")
else:
    print(f"{app}: {verdict_a} -> {verdict_b}; {len(fa)} -> {len(fb)} findings; "
          f"only in A {len(only_a)}, only in B {len(only_b)}, fields changed {changed or 'none'}")
    for k in only_a[:15]: print("  - A only:", k)
    for k in only_b[:15]: print("  + B only:", k)
EOF
done
