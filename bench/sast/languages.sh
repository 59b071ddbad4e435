#!/usr/bin/env bash
# Precision and throughput of the tree-sitter languages (JavaScript/TypeScript, Python, Go, PHP,
# Ruby, C#) on real code. Fetches each corpus once into a cache folder with the ordinary clients
# (npm pack, apt-get download), then, per language, runs every rule in-process
# (dev.bulwark.sast.LocalScan --only <language>) and prints:
#   - files, kLOC (non-blank lines), MB and MB/s (the whole pass: read, parse, lower, taint),
#   - findings per rule and per 100 kLOC, and the noisiest rule against BOUND.
# The last line is the summary; the exit code is 1 when a rule is noisier than BOUND.
#
#   bench/sast/languages.sh [cache-folder]         (default /tmp/bulwark-sast-corpora)
#   BOUND=5 LANGS="javascript python" bench/sast/languages.sh
set -euo pipefail

cache=${1:-/tmp/bulwark-sast-corpora}
bound=${BOUND:-5}
langs=${LANGS:-"javascript python go php ruby csharp"}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$cache"

fetch_npm_to() { # language name...
  local lang=$1; shift
  mkdir -p "$cache/$lang"
  for p in "$@"; do
    local dir="$cache/$lang/${p//\//_}"
    [ -d "$dir" ] && continue
    (cd "$work" && npm pack "$p" --silent >/dev/null 2>&1 && mkdir -p "$dir" \
      && tar xzf ./*.tgz -C "$dir" && rm -f ./*.tgz) || echo "skip npm $p" >&2
  done
}
fetch_npm() { fetch_npm_to javascript "$@"; }
fetch_deb() { # language package...
  local lang=$1; shift
  mkdir -p "$cache/$lang"
  for p in "$@"; do
    [ -d "$cache/$lang/$p" ] && continue
    (cd "$work" && apt-get download "$p" >/dev/null 2>&1 && mkdir -p "$cache/$lang/$p" \
      && dpkg-deb -x ./*.deb "$cache/$lang/$p" && rm -f ./*.deb) || echo "skip deb $p" >&2
  done
}

for lang in $langs; do
  case $lang in
    javascript) fetch_npm express koa lodash next fastify mongoose sequelize ejs axios moment webpack typescript ;;
    python) # every package folder of the Python installation's library (standard library and site-packages)
      if [ ! -d "$cache/python" ]; then mkdir -p "$cache/python"
        lib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
        for d in "$lib"/*/ "$lib"/site-packages/*/; do
          [ "$(basename "$d")" = site-packages ] || ln -s "$d" "$cache/python/$(basename "$(dirname "$d")")-$(basename "$d")"
        done
      fi ;;
    go) fetch_deb go golang-github-gin-gonic-gin-dev golang-github-gorilla-mux-dev golang-github-labstack-echo-dev \
          golang-golang-x-net-dev golang-github-prometheus-client-golang-dev golang-github-spf13-cobra-dev ;;
    php) fetch_deb php phpmyadmin roundcube-core mediawiki ;;
    ruby) fetch_deb ruby redmine ruby-rack ruby-sinatra ruby-actionpack ruby-activerecord ruby-activesupport ;;
    csharp) # Debian ships C# as compiled assemblies; these npm packages ship C# sources (templates, examples)
      fetch_npm_to csharp @aws-amplify/amplify-dotnet-function-template-provider @nx-dotnet/core ;;
  esac
done

cd "$root"
./mvnw -q -B -pl scanner-sast -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/scanner-sast/target/classes:$root/common/target/classes:$root/proto/target/classes:$(cat "$work/cp.txt")"

declare -A ext=([javascript]='js|jsx|mjs|cjs|ts|tsx' [python]='py' [go]='go' [php]='php|phtml|inc' [ruby]='rb|rake' [csharp]='cs')
worst=0; worst_rule=""; summary=""
for lang in $langs; do
  dir="$cache/$lang"
  [ -d "$dir" ] || continue
  kloc=$(find -L "$dir" -type f -regextype posix-extended -regex ".*\.(${ext[$lang]})" ! -name '*.min.js' ! -name '*.d.ts' \
    -print0 | xargs -0 cat 2>/dev/null | grep -c -v '^\s*$' || true)
  # one JVM per package (LocalScan keeps its folder in memory); bytes and seconds are summed
  : > "$work/$lang.findings"; : > "$work/$lang.stats"
  for pkg in "$dir"/*; do
    pkg=$(readlink -f "$pkg")
    java -Xmx2g -cp "$cp" dev.bulwark.sast.LocalScan --only "$lang" "$pkg" >> "$work/$lang.findings" \
      2>> "$work/$lang.stats" || echo "failed: $pkg" >> "$work/$lang.stats"
  done
  stats=$(awk -F'[ =]' '/^files=/ {f+=$2; b+=$4; s+=$8} END {printf "files=%d MB=%.1f seconds=%.1f MB/s=%.2f", f, b/1e6, s, (s > 0 ? b/1e6/s : 0)}' "$work/$lang.stats")
  problems=$(grep -c '^problem' "$work/$lang.stats" || true)
  failed=$(grep -c '^failed' "$work/$lang.stats" || true)
  echo "== $lang: $stats kLOC=$((kloc / 1000)) partly-parsed-files=$problems failed-runs=$failed"
  awk -v kloc="$kloc" '{print $2}' "$work/$lang.findings" | sort | uniq -c | sort -rn | while read -r n rule; do
    printf '   %-38s %6d findings  %7.2f per 100 kLOC\n' "$rule" "$n" "$(echo "$n * 100000 / ($kloc + 1)" | bc -l)"
  done
  top=$(awk '{print $2}' "$work/$lang.findings" | sort | uniq -c | sort -rn | head -1 || true)
  if [ -n "$top" ]; then
    n=$(echo "$top" | awk '{print $1}'); rule=$(echo "$top" | awk '{print $2}')
    rate=$(echo "$n * 100000 / ($kloc + 1)" | bc -l)
    if (( $(echo "$rate > $worst" | bc -l) )); then worst=$rate; worst_rule=$rule; fi
  fi
  mbs=$(echo "$stats" | sed -n 's/.*MB\/s=\([0-9.]*\).*/\1/p')
  summary="$summary $lang=${mbs:-0}MB/s"
done
printf 'summary:%s noisiest=%s %.2f/100kLOC bound=%s\n' "$summary" "${worst_rule:-none}" "$worst" "$bound"
(( $(echo "$worst <= $bound" | bc -l) ))
