#!/usr/bin/env bash
# Speed of the full distribution, measured in ONE run so that a busy machine slows every figure
# alike and the ratios (last line) stay meaningful:
#   1. results cache: cold scan, unchanged rescan, one-file-change rescan of a 1,000+ file tree
#      (JDK sources + the vulnerable fixture app + the shared lockfile fixtures under the names the
#      SCA scanner detects + this repository's Kubernetes manifests), as analysis time (scanner
#      durations summed, and per scanner); the rescans' findings are checked against a scan
#      without the cache (identical or it fails)
#   2. start-up: `bulwark scan` of an empty folder, wall time, median of N, with and without the
#      class-data-sharing archive the build makes (packaging/cds-archive.sh)
#   3. pre-commit hook: `git commit` of one new file with `bulwark hook install`'s hook (the
#      in-process `bulwark check --staged`), wall time, median of N; and that it blocks a secret
# Usage: bench/e2e/speed.sh [runs (default 5)] [osv folder (default ../shared/osv)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-5}"
osv="${2:-$root/../shared/osv}"
app="$root/../shared/fixtures/repos/vulnerable-app"
jdk_src="${JDK_SRC:-/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip}"
./bulwark --version >/dev/null   # builds the jar and its CDS archive when needed
jar="$root/distribution/target/bulwark.jar"
jsa="$root/distribution/target/bulwark.jsa"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The distribution as an installed copy runs it: with its CDS archive and the JIT flag (the launcher's
# flags, ./bulwark), or without the archive.
jit=$(sed -n 's/^jit=(\(.*\))$/\1/p' "$root/bulwark")   # -XX:TieredStopAtLevel=1, as ./bulwark passes it
mkdir -p "$work/bin"
cat > "$work/bin/bulwark" <<SH
#!/usr/bin/env bash
exec java -XX:SharedArchiveFile="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off $jit -jar "$jar" "\$@"
SH
chmod +x "$work/bin/bulwark"
[[ -f "$jsa" ]] || echo "WARNING: no $jsa (the build skipped it): 'cds' figures are without the archive" >&2
bw() { "$work/bin/bulwark" "$@"; }
bw_nocds() { java $jit -jar "$jar" "$@"; }   # the JDK's own CDS archive only

ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}'; }
scanner() { python3 -c "import json,sys;print(sum(s['durationMs'] for s in json.load(open(sys.argv[2]))['scanners'] if s['name'] == sys.argv[1]))" "$1" "$2"; }
analysis() { python3 -c "import json,sys;print(sum(s['durationMs'] for s in json.load(open(sys.argv[1]))['scanners']))" "$1"; }
per_scanner() { python3 -c "import json,sys;print(' '.join('%s=%d' % (s['name'], s['durationMs']) for s in json.load(open(sys.argv[1]))['scanners']))" "$1"; }
findings() { python3 -c "
import json,sys
for f in json.load(open(sys.argv[1]))['findings']:
    print(f['scanner'], f['ruleId'], f['location']['path'], f['location'].get('startLine', 0), f['fingerprint'])" "$1" | sort; }
scan() { # home out tree [env...]
  local home=$1 out=$2 tree=$3; shift 3
  env BULWARK_HOME="$home" "$@" "$work/bin/bulwark" scan "$tree" --advisories "$osv" --format json --output "$out" \
    >/dev/null 2>"$work/scan.err" || [[ $? -eq 1 ]] || { tail -5 "$work/scan.err" >&2; exit 2; }
}

# --- 1. results cache -------------------------------------------------------------------------
tree="$work/tree"
mkdir -p "$tree"
unzip -q "$jdk_src" 'java.base/java/util/*' 'java.base/java/io/*' 'java.base/java/net/*' 'java.base/java/time/*' \
  'java.base/java/text/*' 'java.base/java/nio/*' 'java.base/java/security/*' -d "$tree/jdk"
cp -r "$app" "$tree/app"
# SCA- and container-heavy parts: each lockfile fixture in a folder of its own under the name the
# SCA scanner detects (pom.xml fixtures left out: Maven resolution is not cached, see README), and
# the Kubernetes manifests of this repository
python3 - "$root/../shared/fixtures/lockfiles" "$tree/lockfiles" <<'PY'
import os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
names = {"crates.io": "Cargo.lock", "hex": "mix.lock", "pub": "pubspec.lock", "rubygems": "Gemfile.lock",
         "packagist": "composer.lock", "nuget": "packages.lock.json", "npm/pnpm": "pnpm-lock.yaml",
         "npm/yarn": "yarn.lock", "npm/package-lock": "package-lock.json", "pypi/pipenv": "Pipfile.lock",
         "pypi/poetry": "poetry.lock", "pypi/uv": "uv.lock", "maven/gradle-lockfile": "gradle.lockfile",
         "maven/gradle-verification": "gradle/verification-metadata.xml", "conan": "conan.lock", "go": "go.mod"}
for folder, name in names.items():
    for f in sorted(os.listdir(os.path.join(src, folder))):
        if os.path.isfile(os.path.join(src, folder, f)) and (folder != "go" or f.endswith(".mod")):
            target = os.path.join(dst, folder, f.replace(".", "_"), name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy(os.path.join(src, folder, f), target)
shutil.copytree(os.path.join(src, "pypi/requirements"), os.path.join(dst, "pypi/requirements"))
PY
# the manifests only: k8s/pom.xml has a SNAPSHOT parent outside this tree (resolved again on every
# scan, by design) and k8s/target holds build output
mkdir -p "$tree/k8s" && cp -r "$root/k8s/base" "$root/k8s/overlays" "$tree/k8s/"
files=$(find "$tree" -type f | wc -l)
home="$work/home"
mkdir -p "$work/empty"
scan "$home" "$work/prepare.json" "$work/empty"   # imports the advisories once: not part of any figure

scan "$home" "$work/cold.json" "$tree"
scan "$home" "$work/unchanged.json" "$tree"
changed="$tree/jdk/java.base/java/util/ArrayList.java"
printf '\n// changed by bench/e2e/speed.sh\nclass BenchChanged { String key = "AKIAQWERTYUIOPASDFGH"; }\n' >> "$changed"
scan "$home" "$work/one.json" "$tree"
scan "$home" "$work/reference.json" "$tree" BULWARK_RESULTS_CACHE=off

cmp -s <(findings "$work/cold.json") <(findings "$work/unchanged.json") \
  || { echo "FAILED: the unchanged rescan's findings differ from the cold scan's" >&2; exit 1; }
cmp -s <(findings "$work/one.json") <(findings "$work/reference.json") \
  || { echo "FAILED: the one-file-change rescan's findings differ from a scan without the cache" >&2; exit 1; }
cold=$(analysis "$work/cold.json"); unchanged=$(analysis "$work/unchanged.json")
one=$(analysis "$work/one.json"); reference=$(analysis "$work/reference.json")
echo "tree: $files files ($(du -sh "$tree" | cut -f1)), $(findings "$work/cold.json" | wc -l) findings, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "cold scan analysis:        $cold ms  ($(per_scanner "$work/cold.json"))"
echo "unchanged rescan analysis: $unchanged ms  ($(per_scanner "$work/unchanged.json"))"
echo "one-file-change analysis:  $one ms  ($(per_scanner "$work/one.json"))"
echo "same tree, cache off:      $reference ms  ($(per_scanner "$work/reference.json"))"
echo "findings: unchanged = cold, one-file-change = cache off (checked)"

# --- 2. start-up ------------------------------------------------------------------------------
# its own BULWARK_HOME without advisories (as a first `bulwark scan` of a project finds it), after
# one untimed scan that creates the embedded database
empty_home="$work/home-empty"
BULWARK_HOME="$empty_home" bw scan "$work/empty" --format json >/dev/null 2>&1
with=(); without=()
for _ in $(seq 1 "$runs"); do
  t0=$(ms); BULWARK_HOME="$empty_home" bw scan "$work/empty" --format json >/dev/null 2>&1; t1=$(ms)
  BULWARK_HOME="$empty_home" bw_nocds scan "$work/empty" --format json >/dev/null 2>&1; t2=$(ms)
  with+=($((t1 - t0))); without+=($((t2 - t1)))
done
floor=(); for _ in $(seq 1 "$runs"); do t0=$(ms); bw --version >/dev/null 2>&1; floor+=($(( $(ms) - t0 ))); done
empty=$(printf '%s\n' "${with[@]}" | median); empty_nocds=$(printf '%s\n' "${without[@]}" | median)
echo "empty-folder scan, CDS archive: median $empty ms  [${with[*]}]"
echo "empty-folder scan, no CDS:      median $empty_nocds ms  [${without[*]}]"
echo "JVM + CLI floor (bulwark --version, CDS): median $(printf '%s\n' "${floor[@]}" | median) ms  [${floor[*]}]"

# --- 3. pre-commit hook -----------------------------------------------------------------------
repo="$work/repo"
cp -r "$tree" "$repo"
g() { git -C "$repo" -c user.name=bench -c user.email=bench@example.com "$@"; }
g init -q && g add -A && g commit -q -m "the tree" --no-verify
BULWARK_HOME="$home" bw hook install --path "$repo" --bulwark "$work/bin/bulwark" >/dev/null
hook=()
for i in $(seq 1 "$runs"); do
  printf 'package bench;\nclass Change%d { int size() { return %d; } }\n' "$i" "$i" > "$repo/Change$i.java"
  g add "Change$i.java"
  t0=$(ms); BULWARK_HOME="$home" g commit -q -m "change $i" >/dev/null 2>"$work/hook.err" \
    || { cat "$work/hook.err" >&2; echo "FAILED: the hook blocked a clean one-file commit" >&2; exit 1; }
  hook+=($(( $(ms) - t0 )))
done
printf 'AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH\n' > "$repo/deploy.env"
g add deploy.env
if BULWARK_HOME="$home" g commit -q -m "a secret" >/dev/null 2>&1; then
  echo "FAILED: the hook let a staged AWS key through" >&2; exit 1
fi
hook_ms=$(printf '%s\n' "${hook[@]}" | median)
echo "pre-commit hook, one-file commit in a $files-file repository: median $hook_ms ms  [${hook[*]}]; blocks a staged AWS key (checked)"

# every scanner keeps a results cache: the ratios per scanner say which one misses a target
per_ratio() { for s in sast sca container; do printf '%s-%s/cold=%s ' "$s" "$1" \
  "$(ratio "$(scanner "$s" "$work/$2.json")" "$(scanner "$s" "$work/cold.json")")"; done; }
echo "ratios: unchanged/cold=$(ratio "$unchanged" "$cold") one-file/cold=$(ratio "$one" "$cold")" \
  "$(per_ratio unchanged unchanged)$(per_ratio one-file one)" \
  "empty-scan-cds/no-cds=$(ratio "$empty" "$empty_nocds") hook/empty-scan=$(ratio "$hook_ms" "$empty")" \
  "empty-scan=${empty}ms hook=${hook_ms}ms"
