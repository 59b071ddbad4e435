#!/usr/bin/env bash
# The root file system under Bulwark's container images (built "from scratch" with Jib, which
# adds the application under /app): a Java runtime at /opt/bulwark/runtime, the C libraries it
# loads (packaging/image-libs.sh), the unprivileged user bulwark (10001, as the k8s manifests
# run it), a writable /tmp and /var/lib/bulwark. No shell, no package manager.
#
#   packaging/image-root.sh <root dir> <runtime dir to copy, or - to jlink one for the services>
set -euo pipefail
root=${1:?usage: image-root.sh <root dir> <runtime dir|->}
runtime=${2:?usage: image-root.sh <root dir> <runtime dir|->}
here="$(cd "$(dirname "$0")" && pwd)"
rm -rf "$root"
mkdir -p "$root/opt/bulwark" "$root/etc/bulwark" "$root/tmp" "$root/var/lib/bulwark" "$root/src"
chmod 1777 "$root/tmp"
if [[ "$runtime" == "-" ]]; then
  java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  # The services: Java SE (Dropwizard, Jersey, JDBI and JavaBeans introspection, JMX metrics,
  # JDBC) plus Unsafe for Netty, EC keys for TLS, DNS for dns:/// targets, zip file systems.
  "$java_home/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.naming.dns,jdk.charsets,jdk.zipfs,jdk.management \
    --strip-debug --no-header-files --no-man-pages --compress=0 --output "$root/opt/bulwark/runtime" \
    2> >(grep -v "is deprecated" >&2)
else
  cp -a "$runtime" "$root/opt/bulwark/runtime"
fi
"$here/image-libs.sh" "$root" "$root/opt/bulwark/runtime"
printf 'root:x:0:0:root:/root:/sbin/nologin\nbulwark:x:10001:10001:bulwark:/var/lib/bulwark:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nbulwark:x:10001:\n' > "$root/etc/group"
