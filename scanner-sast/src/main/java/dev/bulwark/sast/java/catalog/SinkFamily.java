package dev.bulwark.sast.java.catalog;

import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.util.List;

/**
 * A vulnerability class the taint analysis tracks (SQL injection, XSS, ...). A tainted value
 * carries one bit per family it is still dangerous for ({@link #bit()}); a sanitiser clears bits.
 *
 * @param index position in the catalogue, which decides the bit
 */
public record SinkFamily(int index, String id, String ruleId, String title, List<Integer> cwe, Severity severity,
    String remediation) {

  public int bit() {
    return 1 << index;
  }

  /** How this family is reported when untrusted data reaches {@code sink}. */
  public RuleInfo rule(String sink) {
    String cwes = String.join(", ", cwe.stream().map(c -> "CWE-" + c).toList());
    return new RuleInfo(ruleId, title + ": request data reaches " + sink,
        "Data from the HTTP request flows, without a sanitiser, into " + sink + " (" + cwes + ").",
        severity, cwe, Confidence.CONFIDENCE_HIGH, remediation);
  }
}
