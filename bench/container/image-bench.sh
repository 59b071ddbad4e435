#!/bin/sh
# Native image scan of a real Debian root file system: no cache, cold layer cache, warm layer cache.
# Usage: bench/container/image-bench.sh <rootfs> [runs=5] [layers=2]   (from anywhere)
#   <rootfs>  e.g. made by: debootstrap --variant=minbase bookworm <rootfs>
#   layers=1  the whole root in one layer; layers=2  usr/share in a second layer (a base + top split)
#   layers=jre  the whole root, then a second layer with a Java runtime made by jlink (java.se) in
#             opt/java and an application in opt/app: three real jars from the Maven repository in
#             opt/app/lib and a WAR (made with the jar tool) holding every jar of scanner-container's
#             test classpath in WEB-INF/lib
# Packs <rootfs> with tar as a `docker save` archive, then runs ImageCacheBenchmark under
# /usr/bin/time -v (its "Maximum resident set size" is the JVM's peak RSS; heap peaks are printed
# by the benchmark itself). BENCH_HEAP=256m sets -Xmx (default 1g).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 <rootfs> [runs] [layers]" >&2; exit 2; }
rootfs=$(cd "$1" && pwd)
runs=${2:-5}
layers=${3:-2}
[ -f "$rootfs/var/lib/dpkg/status" ] || { echo "$rootfs: not a Debian root (no var/lib/dpkg/status)" >&2; exit 2; }
cd "$(dirname "$0")/../.."
work=$(mktemp -d "${TMPDIR:-/tmp}/bulwark-image-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image/layer0" "$work/image/layer1"
tarflags="--numeric-owner --sort=name --mtime=@0"

./mvnw -q -B -pl scanner-container -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath=$(cat scanner-container/target/bench-classpath.txt)

if [ "$layers" = jre ]; then
  top="$work/jre-layer"
  mkdir -p "$top/opt/app/lib" "$top/war/WEB-INF/lib"
  jlink --add-modules java.se --strip-debug --no-header-files --no-man-pages --output "$top/opt/java"
  for jar in $(echo "$classpath" | tr ':' ' '); do
    case "$jar" in
      */snakeyaml-*.jar|*/jackson-databind-*.jar|*/commons-compress-*.jar) cp "$jar" "$top/opt/app/lib/" ;;
    esac
    case "$jar" in *.jar) cp "$jar" "$top/war/WEB-INF/lib/" ;; esac
  done
  echo '<web-app/>' > "$top/war/WEB-INF/web.xml"
  (cd "$top/war" && jar --create --file "$top/opt/app/app.war" .)
  rm -rf "$top/war"
  echo "jre layer: $(du -sh "$top/opt/java" | cut -f1) runtime, $(ls "$top/opt/app/lib" | wc -l) jars in opt/app/lib," \
    "app.war $(du -h "$top/opt/app/app.war" | cut -f1) with $(unzip -l "$top/opt/app/app.war" | grep -c 'WEB-INF/lib/.*\.jar') jars"
  tar $tarflags -C "$rootfs" -cf "$work/image/layer0/layer.tar" .
  tar $tarflags -C "$top" -cf "$work/image/layer1/layer.tar" ./opt
  list='"layer0/layer.tar","layer1/layer.tar"'
elif [ "$layers" = 1 ]; then
  tar $tarflags -C "$rootfs" -cf "$work/image/layer0/layer.tar" .
  list='"layer0/layer.tar"'
else
  tar $tarflags -C "$rootfs" --exclude=./usr/share -cf "$work/image/layer0/layer.tar" .
  tar $tarflags -C "$rootfs" -cf "$work/image/layer1/layer.tar" ./usr/share
  list='"layer0/layer.tar","layer1/layer.tar"'
fi
ids=""
for l in $(echo "$list" | tr -d '"' | tr ',' ' '); do
  ids="$ids${ids:+,}\"sha256:$(sha256sum "$work/image/$l" | cut -d' ' -f1)\""
done
printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[%s]}}' "$ids" > "$work/image/config.json"
printf '[{"Config":"config.json","RepoTags":["bench/debian:bookworm"],"Layers":[%s]}]' "$list" > "$work/image/manifest.json"
tar -C "$work/image" -cf "$work/debian.tar" manifest.json config.json $(echo "$list" | tr -d '"' | tr ',' ' ')

cp="scanner-container/target/test-classes:scanner-container/target/classes:$classpath"
/usr/bin/time -v java -Xmx"${BENCH_HEAP:-1g}" -cp "$cp" dev.bulwark.container.bench.ImageCacheBenchmark "$work/debian.tar" "$runs" "$work/scratch" \
  2> "$work/time.txt"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt" | sed 's/^[[:space:]]*/jvm: /'
