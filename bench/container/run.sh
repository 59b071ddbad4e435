#!/bin/sh
# Throughput of scanner-container's native analyzers (see ContainerBenchmark.java).
# Usage: bench/container/run.sh   (from the repository root)
set -eu
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl scanner-container -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="scanner-container/target/test-classes:scanner-container/target/classes:$(cat scanner-container/target/bench-classpath.txt)"
exec java -cp "$cp" dev.bulwark.container.bench.ContainerBenchmark
