package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256, the one hash of Bulwark: blob digests as the content store names them, and the hex
 * digests of texts (fingerprints, rule-pack and policy versions, cache keys).
 */
public final class Digests {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private Digests() {}

  public static Digest of(byte[] bytes) {
    return Digest.newBuilder().setHash(HexFormat.of().formatHex(sha256().digest(bytes)))
        .setSizeBytes(bytes.length).build();
  }

  public static Digest of(Path file) throws IOException {
    var md = sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
        size += n;
      }
    }
    return Digest.newBuilder().setHash(HexFormat.of().formatHex(md.digest())).setSizeBytes(size).build();
  }

  /** Rejects a digest that cannot name a blob, with a message that says why. */
  public static void validate(Digest digest) {
    if (!HASH.matcher(digest.getHash()).matches()) {
      throw new IllegalArgumentException("malformed digest hash '" + digest.getHash()
          + "': expected 64 lower-case hex characters of SHA-256");
    }
    if (digest.getSizeBytes() < 0) {
      throw new IllegalArgumentException("negative size in digest " + digest.getHash());
    }
  }

  public static String format(Digest digest) {
    return digest.getHash() + "/" + digest.getSizeBytes();
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The first {@code hexChars} characters of {@link #sha256Hex(byte[])}: short version labels. */
  public static String sha256Hex(byte[] bytes, int hexChars) {
    return sha256Hex(bytes).substring(0, hexChars);
  }

  /** A fresh SHA-256 instance, for callers that hash incrementally. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
