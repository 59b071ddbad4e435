package dev.bulwark.common.finding;

import dev.bulwark.common.cas.Digests;
import dev.bulwark.v1.Finding;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable identities of findings across scans. A code finding is identified by its rule, its
 * file and its normalised snippet (white space folded), not its line number, so it survives
 * line moves and unrelated edits. A dependency finding is identified by the advisory, the
 * ecosystem, the package name without its version, and the manifest path.
 */
public final class Fingerprints {
  private Fingerprints() {}

  public static String forCode(String ruleId, String path, String snippet) {
    return hash("code", ruleId, path, normalise(snippet));
  }

  public static String forPackage(String advisoryId, String ecosystem, String name, String manifestPath) {
    return hash("pkg", advisoryId, ecosystem, name.toLowerCase(Locale.ROOT), manifestPath);
  }

  /** Returns the finding with a fingerprint, computing one when the scanner left it empty. */
  public static Finding ensure(Finding f) {
    if (!f.getFingerprint().isEmpty()) {
      return f;
    }
    String fp;
    if (f.hasPackage()) {
      String advisory = f.hasAdvisory() ? f.getAdvisory().getId() : f.getRuleId();
      fp = forPackage(advisory, f.getPackage().getEcosystem(), f.getPackage().getName(),
          f.getPackage().getManifestPath());
    } else {
      String snippet = f.getLocation().getSnippet().isBlank() ? f.getTitle() : f.getLocation().getSnippet();
      fp = forCode(f.getRuleId(), f.getLocation().getPath(), snippet);
    }
    return f.toBuilder().setFingerprint(fp).build();
  }

  static String normalise(String snippet) {
    return snippet == null ? "" : snippet.strip().replaceAll("\\s+", " ");
  }

  private static String hash(String... parts) {
    var md = Digests.sha256();
    for (String p : parts) {
      md.update(p.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    return HexFormat.of().formatHex(md.digest(), 0, 16);
  }

}
