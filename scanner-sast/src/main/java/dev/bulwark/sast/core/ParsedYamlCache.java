package dev.bulwark.sast.core;

import dev.bulwark.common.cas.Digests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A built-in YAML catalogue, parsed once and kept in a cache folder in {@link RecordCodec}'s binary
 * form, so that short runs (the pre-commit hook's {@code bulwark check}) do not parse the YAML at
 * every start. A file is named by the digest of the YAML, of the shape of the records it is read
 * into and of this format: an edited catalogue, a new field or a new format is a miss. Its body
 * carries its own SHA-256: a missing, truncated or damaged file is a miss too (and is replaced),
 * and a cache that cannot be written is no cache.
 */
public final class ParsedYamlCache {
  /** The file layout; bump it when it changes. */
  static final int FORMAT = 1;
  private static final int SUM_BYTES = 32;
  private static final long MAX_BYTES = 16L << 20;

  private ParsedYamlCache() {}

  /** Parses YAML bytes into a record. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(byte[] yaml) throws IOException;
  }

  /**
   * The record {@code yaml} parses to: read back from {@code dir} when it was kept there, else
   * parsed (and kept, best effort). Without a folder, parsed.
   *
   * @param name names the cache file ("taint-catalog"); older files of the same name are removed
   */
  public static <T extends Record> T parse(Optional<Path> dir, String name, byte[] yaml, Class<T> type,
      Parser<T> parser) throws IOException {
    if (dir.isEmpty()) {
      return parser.parse(yaml);
    }
    Path file = file(dir.get(), name, yaml, type);
    var kept = read(file, type);
    if (kept.isPresent()) {
      return kept.get();
    }
    T parsed = parser.parse(yaml);
    write(file, name, parsed, type);
    return parsed;
  }

  /**
   * The file in {@code dir} that keeps the {@code type} read from {@code source} (the YAML, or what
   * identifies it): named by the digest of the source, the type's shape and this format.
   */
  public static Path file(Path dir, String name, byte[] source, Class<?> type) {
    var sha = Digests.sha256();
    sha.update((FORMAT + "\n" + RecordCodec.schema(type) + "\n").getBytes(StandardCharsets.UTF_8));
    sha.update(source);
    return dir.resolve(name + "-" + HexFormat.of().formatHex(sha.digest(), 0, 16) + ".bin");
  }

  /** The record kept in {@code file}, empty when there is none or it is not whole. */
  public static <T> Optional<T> read(Path file, Class<T> type) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      var in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (in.readInt() != FORMAT) {
        return Optional.empty();
      }
      byte[] sum = in.readNBytes(SUM_BYTES);
      int body = Integer.BYTES + SUM_BYTES;
      if (!Arrays.equals(sum, Digests.sha256().digest(Arrays.copyOfRange(bytes, Math.min(body, bytes.length),
          bytes.length)))) {
        return Optional.empty(); // damaged: a flipped byte must not become another rule
      }
      Object value = RecordCodec.read(in, type);
      return in.available() == 0 && type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Keeps {@code value} in {@code file} (atomically), removing older files of the same name; best effort. */
  public static void write(Path file, String name, Object value, Class<?> type) {
    Path dir = file.getParent();
    Path temp = null;
    try {
      var payload = new ByteArrayOutputStream();
      var out = new DataOutputStream(payload);
      RecordCodec.write(out, value, type);
      out.flush();
      byte[] body = payload.toByteArray();
      var whole = new ByteArrayOutputStream();
      var head = new DataOutputStream(whole);
      head.writeInt(FORMAT);
      head.write(Digests.sha256().digest(body));
      head.write(body);
      head.flush();
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, name + "-", ".tmp");
      Files.write(temp, whole.toByteArray());
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      try (Stream<Path> files = Files.list(dir)) { // earlier versions of the same catalogue
        for (Path p : files.toList()) {
          String n = p.getFileName().toString();
          if (!p.equals(file) && n.startsWith(name + "-") && n.endsWith(".bin")
              && n.length() == file.getFileName().toString().length()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // no cache: the next run parses the YAML again
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a stray temporary file, named as such
        }
      }
    }
  }
}
