package dev.bulwark.gate.assessment;

import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScannerReport;
import java.util.List;

/**
 * What a policy decides on: the scan's context, its assessed findings and its scanners.
 */
public record ScanFacts(ScanContext context, List<AssessedFinding> findings, List<ScannerReport> scanners) {
  public ScanFacts {
    findings = List.copyOf(findings);
    scanners = List.copyOf(scanners);
  }
}
