package dev.bulwark.sast.core;

import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Severity;
import java.util.List;

/** Builds code findings the same way for every analyzer. */
public final class Findings {
  private Findings() {}

  /** What a rule says about a problem, independent of where it was found. */
  public record RuleInfo(String id, String title, String description, Severity severity, List<Integer> cwe,
      Confidence confidence, String remediation) {}

  /**
   * A finding at lines {@code start..end} of the file. The fingerprint hashes rule, path and the
   * (already redacted) snippet, never the line number.
   */
  public static Finding at(RuleInfo rule, String analyzer, SourceFile file, int start, int end, String snippet) {
    String shown = snippet == null ? file.snippet(start, end) : snippet;
    return Finding.newBuilder()
        .setRuleId(rule.id())
        .setTitle(rule.title())
        .setDescription(rule.description())
        .setSeverity(rule.severity())
        .addAllCwe(rule.cwe())
        .setConfidence(rule.confidence())
        .setAnalyzer(analyzer)
        .setRemediation(rule.remediation() == null ? "" : rule.remediation())
        .setLocation(Location.newBuilder().setPath(file.path()).setStartLine(start)
            .setEndLine(Math.max(start, end)).setSnippet(shown))
        .setFingerprint(Fingerprints.forCode(rule.id(), file.path(), shown))
        .build();
  }
}
