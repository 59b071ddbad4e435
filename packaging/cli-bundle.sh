#!/usr/bin/env bash
# Assembles the thin client's release artifacts from client/target/bulwark-cli.jar (run by the
# client module's package phase; needs a JDK 17+ with jlink, which the build already uses):
#
#   target/bulwark-cli-<version>.jar                   the runnable thin CLI (java -jar)
#   target/bulwark-cli-<version>-linux-x64.tar.gz      bulwark-cli/{bin/bulwark, lib/bulwark-cli.jar,
#                                                      runtime/ (a jlink'd Java runtime)}: runs on
#                                                      a Linux runner with no JDK installed
#   target/*.sha256                                    their SHA-256, for `sha256sum -c`
#   target/image-root/                                 the runtime under /opt/bulwark plus the C
#                                                      libraries it links: the root file system of the
#                                                      CLI container image (see the images profile)
#
#   packaging/cli-bundle.sh <client target dir> <version>
set -euo pipefail

target=$(cd "${1:?usage: cli-bundle.sh <target dir> <version>}" && pwd)
version=${2:?usage: cli-bundle.sh <target dir> <version>}
here="$(cd "$(dirname "$0")" && pwd)"
jar="$target/bulwark-cli.jar"
[[ -f "$jar" ]] || { echo "cli-bundle: $jar not found (run the shade step first)" >&2; exit 2; }
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jlink="$java_home/bin/jlink"
[[ -x "$jlink" ]] || { echo "cli-bundle: no jlink in $java_home (a JDK is needed, not a JRE)" >&2; exit 2; }

# What the jar needs: `jdeps --ignore-missing-deps --multi-release 17 --print-module-deps` on
# bulwark-cli.jar, less what only optional code paths reference (java.desktop for java.beans in
# Jackson's and commons-lang3's extras, java.compiler for annotations, jdk.jfr for Netty's
# optional events), plus what jdeps cannot see: TLS with EC keys (jdk.crypto.ec), DNS names in
# gRPC targets such as dns:///gateway:7070 (JNDI's DNS provider, jdk.naming.dns), and charsets
# beyond the standard ones (jdk.charsets). The bundle test runs every report format on it.
modules=java.base,java.logging,java.management,java.naming,java.security.jgss,java.sql,java.xml
modules+=,jdk.unsupported,jdk.crypto.ec,jdk.naming.dns,jdk.charsets

bundle="$target/bundle/bulwark-cli"
rm -rf "$target/bundle" "$target/image-root"
mkdir -p "$bundle/bin" "$bundle/lib"
# Uncompressed modules: the tar.gz compresses them better than jlink's own zip level does.
"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=0 \
  --output "$bundle/runtime" 2> >(grep -v "is deprecated" >&2)
cp "$jar" "$target/bulwark-cli-$version.jar"
cp "$jar" "$bundle/lib/bulwark-cli.jar"
# The bundle is for Linux on x86_64: the other platforms' native TLS libraries are dead weight.
if command -v zip >/dev/null; then
  zip -q -d "$bundle/lib/bulwark-cli.jar" 'META-INF/native/*windows*' 'META-INF/native/*osx*' \
    'META-INF/native/*aarch_64*' >/dev/null || true
fi
install -m 0755 "$here/bulwark-cli" "$bundle/bin/bulwark"
printf '%s\n' "$version" > "$bundle/VERSION"
tar -C "$target/bundle" --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' --sort=name \
  -czf "$target/bulwark-cli-$version-linux-x64.tar.gz" bulwark-cli

# Checksums to publish beside them: the CI examples verify the bundle with `sha256sum -c`.
(cd "$target" && sha256sum "bulwark-cli-$version.jar" > "bulwark-cli-$version.jar.sha256" \
  && sha256sum "bulwark-cli-$version-linux-x64.tar.gz" > "bulwark-cli-$version-linux-x64.tar.gz.sha256")

# The CLI container image's root (the images profile adds the application with Jib): the runtime.
"$here/image-root.sh" "$target/image-root" "$bundle/runtime"
echo "cli-bundle: $(du -h "$target/bulwark-cli-$version-linux-x64.tar.gz" | cut -f1) bundle, runtime $(du -sh "$bundle/runtime" | cut -f1)" >&2
