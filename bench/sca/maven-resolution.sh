#!/usr/bin/env bash
# Maven resolution of a real Spring Boot project (spring-petclinic: parent spring-boot-starter-parent,
# 131 artifacts from 248 POMs), against the committed POMs served over loopback HTTP:
#   cold = empty cache, every POM downloaded; warm = the same cache again, nothing downloaded.
# Prints both medians and the warm/cold ratio.
# Usage: bench/sca/maven-resolution.sh [runs (default 5)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-5}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -pl scanner-sca -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=test >/dev/null
cp="scanner-sca/target/test-classes:scanner-sca/target/classes:$(cat "$cp_file")"
exec java -Xmx512m -Dlogback.configurationFile=scanner-sca/src/test/resources/logback-test.xml \
  -cp "$cp" dev.bulwark.sca.maven.MavenResolutionBench "$runs"
