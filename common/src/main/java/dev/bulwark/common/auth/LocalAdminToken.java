package dev.bulwark.common.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The embedded cluster's local admin token: created by the embedded gate the first time it
 * starts under a {@code $BULWARK_HOME}, kept in {@code $BULWARK_HOME/admin-token} readable by
 * its owner only (0600), and sent by the CLI when it talks to the embedded cluster. This keeps
 * the embedded cluster zero-set-up while every call is still authenticated.
 */
public final class LocalAdminToken {
  public static final String FILE = "admin-token";

  private LocalAdminToken() {}

  public static Path path(Path home) {
    return home.resolve(FILE);
  }

  /** The token, when the file exists and holds one. */
  public static Optional<String> read(Path home) {
    Path file = path(home);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String token = Files.readString(file).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the local admin token " + file, e);
    }
  }

  /** Writes the token with mode 0600 (created so, then moved into place: never readable by others). */
  public static void write(Path home, String token) {
    Path file = path(home);
    try {
      Files.createDirectories(home);
      Path tmp = home.resolve(FILE + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, token + "\n");
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the local admin token " + file, e);
    }
  }
}
