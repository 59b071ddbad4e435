package dev.bulwark.container.image;

import dev.bulwark.common.cas.Digests;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The SHA-256 of a layer as stored (what an OCI blob is named by) and as an uncompressed tar (its
 * diff id), computed while the layer is read. Only a layer whose content matches the digest the
 * image claims for it may enter the shared {@link LayerCache}: otherwise one crafted image could
 * plant an empty inventory under a popular base layer's digest and hide packages in everyone
 * else's scans.
 */
final class LayerDigests {
  private final MessageDigest stored = Digests.sha256();
  private final MessageDigest uncompressed = Digests.sha256();

  InputStream stored(InputStream in) {
    return new DigestInputStream(in, stored);
  }

  InputStream uncompressed(InputStream in) {
    return new DigestInputStream(in, uncompressed);
  }

  /** Whether {@code claimed} ("sha256:…") is the digest of the layer just read, stored or uncompressed. */
  boolean matches(String claimed) {
    String hex = claimed.startsWith("sha256:") ? claimed.substring("sha256:".length()) : claimed;
    return hex.equals(HexFormat.of().formatHex(clone(stored).digest()))
        || hex.equals(HexFormat.of().formatHex(clone(uncompressed).digest()));
  }

  private static MessageDigest clone(MessageDigest md) {
    try {
      return (MessageDigest) md.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }
}
