package dev.bulwark.container.check;

import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;

/** Turns check hits into wire findings, the same way for every configuration analyzer. */
public final class ConfigFindings {
  private ConfigFindings() {}

  public static Finding toFinding(ConfigAnalyzer analyzer, String path, CheckSpec.Hit hit) {
    var spec = hit.check();
    String snippet = hit.snippet() == null ? "" : hit.snippet().strip();
    // Identity: the check, the file and what the message names (the container, resource or
    // instruction), not the line, so findings survive unrelated edits.
    return Finding.newBuilder()
        .setRuleId(spec.id())
        .setTitle(spec.title())
        .setDescription(hit.message().isBlank() ? spec.description() : hit.message() + ". " + spec.description())
        .setSeverity(spec.severity())
        .setLocation(Location.newBuilder().setPath(path).setStartLine(hit.line()).setEndLine(hit.endLine())
            .setSnippet(snippet))
        .setConfidence(Confidence.CONFIDENCE_HIGH)
        .setAnalyzer(analyzer.name() + "@" + analyzer.version())
        .setRemediation(spec.remediation())
        .setFingerprint(Fingerprints.forCode(spec.id(), path, hit.message() + "\n" + snippet))
        .build();
  }
}
