#!/usr/bin/env bash
# The SAST results cache in one process (dev.bulwark.sast.bench.ResultsCacheSpeed): cold scan,
# unchanged rescan, one-file change (ArrayList.java, as bench/e2e/speed.sh), on bench/e2e's tree
# (seven JDK packages + the vulnerable fixture app). Last line: the rescans' ratios to the cold scan.
# With BASE_REF=<ref>, the same driver runs that ref's scanner-sast first (built in a temporary worktree).
#
#   bench/sast/cache.sh            BASE_REF=main bench/sast/cache.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jdk_src="${JDK_SRC:-/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip}"
app="$root/../shared/fixtures/repos/vulnerable-app"
work=$(mktemp -d)
cleanup() {
  git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

tree() { # folder
  mkdir -p "$1"
  unzip -q "$jdk_src" 'java.base/java/util/*' 'java.base/java/io/*' 'java.base/java/net/*' 'java.base/java/time/*' \
    'java.base/java/text/*' 'java.base/java/nio/*' 'java.base/java/security/*' -d "$1/jdk"
  [ -d "$app" ] && cp -r "$app" "$1/app"
}
build() { # source root, out file: the test classpath (this tree's driver first)
  (cd "$1" && ./mvnw -q -B -ntp -pl scanner-sast -am package -DskipTests -Djacoco.skip=true dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$2.deps" >/dev/null)
  echo "$1/scanner-sast/target/classes:$(cat "$2.deps")" > "$2"
}
run() { # label classpath
  rm -rf "$work/tree"
  tree "$work/tree"
  echo "== $1 ($(find "$work/tree" -type f | wc -l) files)"
  java -Xmx1g -cp "$root/scanner-sast/target/test-classes:$2" -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
    dev.bulwark.sast.bench.ResultsCacheSpeed "$work/tree" jdk/java.base/java/util/ArrayList.java
}
build "$root" "$work/this.cp"
if [ -n "${BASE_REF:-}" ]; then
  git -C "$root" worktree add -q --detach "$work/base" "$BASE_REF"
  build "$work/base" "$work/base.cp"
  run "base $BASE_REF" "$(cat "$work/base.cp")"
fi
run this "$(cat "$work/this.cp")"
