#!/usr/bin/env bash
# Builds the AppCDS archive of the full distribution: the classes a scan loads, parsed and
# verified once here, mapped from the archive at every start instead of read from the jar
# (see bench/startup). Training runs the jar on a small generated tree; the class lists of all
# runs are merged and dumped into one static archive, made by the same `java` that will use it.
#
#   packaging/cds-archive.sh <bulwark.jar> <out.jsa>
#
# The JVM checks the archive against the jar (path, size, time) and the JDK at every start; the
# launcher (./bulwark) passes it only when it is newer than the jar, and a mismatch makes the JVM
# run without it (CDS is a cache, never a requirement). A failure here leaves no archive and a
# warning, never a failed build: the launcher then starts the JVM without it.
set -euo pipefail
jar=$(readlink -f "${1:?usage: cds-archive.sh <bulwark.jar> <out.jsa>}")
out=${2:?usage: cds-archive.sh <bulwark.jar> <out.jsa>}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$out" "$out.java"
skip() { echo "cds-archive: WARNING: $*; the launcher will start without a class-data-sharing archive" >&2; exit 0; }

# A small tree with something for every analyzer, so their classes are loaded (and archived).
tree="$work/tree"
mkdir -p "$tree/src/main/java/demo" "$tree/web" "$tree/deploy" "$tree/infra" "$tree/.bulwark"
cat > "$tree/src/main/java/demo/Users.java" <<'JAVA'
package demo;
import javax.servlet.http.HttpServletRequest;
public class Users {
  private final java.sql.Connection db = null;
  public void find(HttpServletRequest request) throws Exception {
    String id = request.getParameter("id");
    db.createStatement().executeQuery("SELECT * FROM users WHERE id = '" + id + "'");
    java.security.MessageDigest.getInstance("MD5");
  }
}
JAVA
printf 'db.password=changeme\n' > "$tree/src/main/java/demo/app.properties"
printf 'AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' > "$tree/.env"
printf 'const q = "SELECT * FROM t WHERE id = " + req.query.id;\ndb.query(q);\neval(req.body.code);\n' > "$tree/web/app.js"
printf 'import os\nos.system("ls " + input())\n' > "$tree/web/tool.py"
printf 'package main\nimport "crypto/md5"\nfunc main() { md5.New() }\n' > "$tree/web/main.go"
printf 'requests==2.19.0\nflask==0.12\n' > "$tree/requirements.txt"
printf '{"name":"demo","lockfileVersion":3,"packages":{"":{"name":"demo"},"node_modules/lodash":{"version":"4.17.4"}}}\n' \
  > "$tree/package-lock.json"
printf '<project><modelVersion>4.0.0</modelVersion><groupId>d</groupId><artifactId>d</artifactId><version>1</version><dependencies><dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.14.1</version></dependency></dependencies></project>\n' \
  > "$tree/pom.xml"
printf 'FROM ubuntu:latest\nUSER root\nRUN curl http://x | sh\nADD . /app\n' > "$tree/Dockerfile"
printf 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    securityContext: {privileged: true}\n' \
  > "$tree/deploy/pod.yaml"
printf 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n' > "$tree/infra/main.tf"
printf 'version: 1\nfailOn: {severity: HIGH}\n' > "$tree/.bulwark/policy.yaml"

run() { # list, bulwark arguments...
  local list=$1; shift
  (cd "$work" && BULWARK_HOME="$work/home" java -Xshare:auto -XX:DumpLoadedClassList="$list" -jar "$jar" "$@" \
    >/dev/null 2>"$work/err") || [[ $? -le 1 ]] || { tail -5 "$work/err" >&2; skip "training run failed: bulwark $*"; }
}

run "$work/tree.classlist" scan "$tree" --format json
# `bulwark check` is the pre-commit hook's in-process path (no cluster); older jars lack it.
if java -jar "$jar" --help 2>&1 | grep -q '^ *check '; then
  run "$work/check.classlist" check --format json "$tree"
  # the hook's own command: --staged reads the git index (and a second run reads the parsed rule packs back)
  if command -v git >/dev/null && git -C "$tree" init -q && git -C "$tree" add -A; then
    run "$work/staged.classlist" check --staged --repo "$tree"
    run "$work/staged-again.classlist" check --staged --repo "$tree"
  fi
fi
cat "$work"/*.classlist | awk '!seen[$0]++' > "$work/all.classlist"

java -Xshare:dump -XX:SharedClassListFile="$work/all.classlist" -XX:SharedArchiveFile="$work/bulwark.jsa" \
  -cp "$jar" >"$work/dump.log" 2>&1 || { tail -5 "$work/dump.log" >&2; skip "the archive dump failed"; }
mv "$work/bulwark.jsa" "$out"
readlink -f "$(command -v java)" > "$out.java"   # the launcher uses the archive with this java only
echo "cds-archive: $(grep -c . "$work/all.classlist") classes listed, archive $(du -h "$out" | cut -f1)" >&2
