package dev.bulwark.container.trivy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes fake {@code trivy} executables (POSIX shell scripts) for tests. */
public final class FakeTrivy {
  private FakeTrivy() {}

  /** A script with this body; {@code $ARGS} in the body is the file where it records its arguments. */
  public static Path script(Path dir, String body) throws IOException {
    Path script = dir.resolve("trivy");
    Files.writeString(script, "#!/bin/sh\n" + body.replace("$ARGS", dir.resolve("args.txt").toString()) + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  /** Records its arguments (one a line), then prints the report for its sub-command. */
  public static Path replaying(Path dir, Path configReport, Path imageReport) throws IOException {
    return script(dir, """
        for a in "$@"; do printf '%s\\n' "$a"; done >> "$ARGS"
        case "$1" in
          config) cat 'CONFIG' ;;
          image) cat 'IMAGE' ;;
          *) echo "unknown command $1" >&2; exit 1 ;;
        esac
        """.replace("CONFIG", configReport.toString()).replace("IMAGE", imageReport.toString()));
  }
}
