#!/usr/bin/env bash
# Recall and false-alarm rate of the secrets analyzer on its labelled corpus (one run, printed):
#   positives  every rule's positive samples x 3 seeds, written in 34 configuration and code syntaxes
#   negatives  every rule's negative samples, the hand-labelled real-code look-alikes of
#              secrets-corpus/*.tsv, and (when the JDK's src.zip is there) 500 look-alike lines drawn
#              from it at run time, the JDK being a corpus no rule was tuned on
#
#   bench/sast/secrets-corpus.sh            SHOW=20 lists that many misses and false alarms
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
./mvnw -q -B -pl scanner-sast -am -DskipTests -Djacoco.skip=true package dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="$root/scanner-sast/target/classes:$root/scanner-sast/target/test-classes:$(cat "$work/cp.txt")"
args=(--lookalikes bench/sast/secrets-corpus/python.tsv --lookalikes bench/sast/secrets-corpus/npm.tsv)
jdk=${JDK_SRC_ZIP:-/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip}
if [ -f "$jdk" ]; then
  mkdir -p "$work/jdk" && unzip -q "$jdk" -d "$work/jdk"
  java -cp "$cp" dev.bulwark.sast.secrets.bench.LookalikeCandidates jdk "$work/jdk" 500 > "$work/jdk.tsv"
  args+=(--lookalikes "$work/jdk.tsv")
else
  echo "no JDK src.zip at $jdk: the JDK look-alikes are left out" >&2
fi
java -cp "$cp" dev.bulwark.sast.secrets.bench.SecretsCorpus "${args[@]}" --show "${SHOW:-0}"
