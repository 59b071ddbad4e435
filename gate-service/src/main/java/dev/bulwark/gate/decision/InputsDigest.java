package dev.bulwark.gate.decision;

import dev.bulwark.common.cas.Digests;
import dev.bulwark.gate.suppression.Suppression;
import dev.bulwark.v1.EvaluateRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of everything a decision depends on: the request (without its scan id), the policy
 * layers' version (which covers the central policy), the suppressions applied (the repository's
 * and the central ones) and the exploit intel's version. Two decisions with the same digest were
 * made on the same inputs.
 */
final class InputsDigest {
  private InputsDigest() {}

  static String of(EvaluateRequest req, String policyVersion, List<Suppression> applied, String intelVersion) {
    var md = Digests.sha256();
    md.update(req.toBuilder().clearScanId().build().toByteString().toByteArray());
    md.update(("\0policy " + policyVersion).getBytes(StandardCharsets.UTF_8));
    for (var s : applied) {
      md.update(("\0" + s.describe()).getBytes(StandardCharsets.UTF_8));
    }
    md.update(("\0intel " + intelVersion).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(md.digest());
  }
}
