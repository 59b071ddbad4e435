package dev.bulwark.cli.report;

import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.Severity;
import java.util.Comparator;
import java.util.List;

/** What the report formats share: ordering, and a finding's location in words. */
final class Findings {
  private Findings() {}

  /** Highest risk first, then most severe, then by path and line. */
  static List<EvaluatedFinding> byRisk(ScanResult result) {
    return result.getFindingsList().stream()
        .sorted(Comparator.comparingInt(EvaluatedFinding::getRiskScore).reversed()
            .thenComparing(f -> -f.getFinding().getSeverityValue())
            .thenComparing(f -> path(f.getFinding()))
            .thenComparingInt(f -> f.getFinding().getLocation().getStartLine()))
        .toList();
  }

  /** The file a finding is about: its location, else the manifest that declares the package. */
  static String path(Finding f) {
    if (f.hasLocation() && !f.getLocation().getPath().isEmpty()) {
      return f.getLocation().getPath();
    }
    return f.hasPackage() ? f.getPackage().getManifestPath() : "";
  }

  static String severity(Finding f) {
    return f.getSeverity() == Severity.SEVERITY_UNSPECIFIED ? "UNKNOWN" : f.getSeverity().name();
  }

  static String cwe(int id) {
    return "CWE-" + id;
  }
}
