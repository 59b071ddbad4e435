#!/usr/bin/env bash
# Copies into an image root the shared libraries that a jlink'd Java runtime loads (its
# executables and every lib*.so, as ldd resolves them on this build machine), with the dynamic
# loader, so that the runtime runs in an image that has nothing else ("from scratch").
#
#   packaging/image-libs.sh <image root> <runtime dir>
set -euo pipefail
root=${1:?usage: image-libs.sh <image root> <runtime dir>}
runtime=${2:?usage: image-libs.sh <image root> <runtime dir>}
command -v ldd >/dev/null || { echo "image-libs: ldd not found (glibc's ldd is needed to build images)" >&2; exit 2; }
# java.desktop's X11, font, colour, image and sound libraries are never loaded by a headless
# server or CLI (the images run with java.awt.headless): their X11/freetype dependencies stay out.
find "$runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name 'libawt_xawt.so' ! -name 'libjawt.so' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' \
    ! -name 'libfontmanager.so' ! -name 'libjavajpeg.so' ! -name 'liblcms.so' -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '/=> \//{print $3} /^\t\/[^ ]+ \(/{print $1}' \
  | sort -u \
  | while read -r lib; do
      [[ "$lib" == "$runtime"* ]] && continue
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
# The loader also answers under its canonical name on x86_64.
if [[ -e /lib64/ld-linux-x86-64.so.2 && ! -e "$root/lib64/ld-linux-x86-64.so.2" ]]; then
  mkdir -p "$root/lib64"
  cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
fi
