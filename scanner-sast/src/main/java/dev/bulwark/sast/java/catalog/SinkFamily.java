package dev.bulwark.sast.java.catalog;

import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.v1.Severity;
import java.util.List;

/**
 * A vulnerability class the taint analysis tracks (SQL injection, XSS, ...). A tainted value
 * carries one bit per family it is still dangerous for ({@link #bit()}); a sanitiser clears bits.
 *
 * @param index position in the catalogue, which decides the bit
 * @param kinds       the {@link SourceKind} bits this family reports
 * @param prefixedCwe the CWE list when the dangerous argument is a constant followed by the data (null: the family's)
 * @param wholeCwe    the CWE list when the dangerous argument is the data alone (null: the family's)
 */
public record SinkFamily(int index, String id, String ruleId, String title, List<Integer> cwe, Severity severity,
    String remediation, int kinds, List<Integer> prefixedCwe, List<Integer> wholeCwe) {

  public int bit() {
    return 1 << index;
  }

  /**
   * How this family is reported when data of {@code kind} (the most trusted kind that reached it)
   * arrives at {@code sink}; {@code cwe} replaces the family's list when not null.
   */
  public RuleInfo rule(String sink, SourceKind kind, List<Integer> cwe) {
    var cwes = cwe == null ? this.cwe : cwe;
    String listed = String.join(", ", cwes.stream().map(c -> "CWE-" + c).toList());
    return new RuleInfo(ruleId, title + ": " + kind.label() + " reaches " + sink,
        kind.origin() + " flows, without a sanitiser, into " + sink + " (" + listed + ").",
        severity, cwes, kind.confidence(), remediation);
  }
}
