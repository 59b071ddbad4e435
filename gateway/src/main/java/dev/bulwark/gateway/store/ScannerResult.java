package dev.bulwark.gateway.store;

import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScannerReport;
import java.util.List;

/** What one scanner contributed to a scan (findings and inventory empty when it FAILED). */
public record ScannerResult(ScannerReport report, List<Finding> findings, List<Package> inventory) {
  public ScannerResult {
    findings = List.copyOf(findings);
    inventory = List.copyOf(inventory);
  }

  public String scanner() {
    return report.getScanner();
  }
}
