package dev.bulwark.cli.report;

import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the report formats share: ordering, a finding's location, its identifiers (rule, advisory,
 * CVE, CWE) and the scan's times, so that each format only decides its own shape.
 */
final class Findings {
  /** The version the reports name as the tool's: the jar's, or "dev" when run from classes. */
  static final String TOOL_VERSION =
      Optional.ofNullable(Findings.class.getPackage().getImplementationVersion()).orElse("0.1.0-dev");
  static final String TOOL_URI = "https://github.com/bulwark-dev/bulwark";

  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

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

  /** True for findings about a dependency (a package with a name), false for code findings. */
  static boolean isDependency(Finding f) {
    return f.hasPackage() && !f.getPackage().getName().isEmpty();
  }

  static boolean suppressed(EvaluatedFinding ef) {
    return ef.getStatus() == FindingStatus.SUPPRESSED;
  }

  /** One id of a finding, typed as security tools type them ("cve", "ghsa", "cwe", ...). */
  record Identifier(String type, String name, String value, String url) {}

  /**
   * The finding's ids, most specific first: its advisory id and aliases (CVE, GHSA, other), its
   * CWEs, then bulwark's own rule id (always present, so the list is never empty).
   */
  static List<Identifier> identifiers(Finding f) {
    var ids = new ArrayList<Identifier>();
    var advisories = new LinkedHashSet<String>();
    if (f.hasAdvisory()) {
      advisories.add(f.getAdvisory().getId());
      advisories.addAll(f.getAdvisory().getAliasesList());
    }
    advisories.stream().filter(id -> !id.isBlank()).forEach(id -> ids.add(advisory(id)));
    for (int cwe : f.getCweList()) {
      ids.add(new Identifier("cwe", cwe(cwe), String.valueOf(cwe),
          "https://cwe.mitre.org/data/definitions/" + cwe + ".html"));
    }
    ids.add(new Identifier("bulwark_rule", f.getRuleId(), f.getRuleId(), ""));
    return ids;
  }

  private static Identifier advisory(String id) {
    String upper = id.toUpperCase(Locale.ROOT);
    if (upper.startsWith("CVE-")) {
      return new Identifier("cve", id, id, "https://nvd.nist.gov/vuln/detail/" + id);
    }
    if (upper.startsWith("GHSA-")) {
      return new Identifier("ghsa", id, id, "https://github.com/advisories/" + id);
    }
    return new Identifier("osv", id, id, "https://osv.dev/vulnerability/" + id);
  }

  /** The advisory's primary id for a dependency finding, else its rule id. */
  static String vulnerabilityId(Finding f) {
    return f.hasAdvisory() && !f.getAdvisory().getId().isEmpty() ? f.getAdvisory().getId() : f.getRuleId();
  }

  /** A stable UUID for a finding: from its fingerprint, else from its rule and place. */
  static String uuid(Finding f) {
    String key = !f.getFingerprint().isEmpty() ? f.getFingerprint()
        : f.getScanner() + "|" + f.getRuleId() + "|" + path(f) + "|" + f.getLocation().getStartLine()
            + "|" + f.getPackage().getName();
    return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  /** The scanner reports whose name passes the filter that could not scan. */
  static List<ScannerReport> failedScanners(ScanResult result, Predicate<String> scanner) {
    return result.getScannersList().stream()
        .filter(r -> scanner.test(r.getScanner()) && r.getStatus() == ScannerStatus.FAILED).toList();
  }

  /** When the gate decided (the end of the scan), or now when the result has no decision time. */
  static Instant endTime(ScanResult result) {
    try {
      String at = result.getDecision().getDecidedAt();
      return at.isEmpty() ? Instant.now() : Instant.parse(at);
    } catch (DateTimeParseException e) {
      return Instant.now();
    }
  }

  /** UTC date and time to the second, without zone ("2026-11-29T04:50:12"), as GitLab and JUnit want. */
  static String utcSeconds(Instant at) {
    return UTC_SECONDS.format(at.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The scan's start: the end less the slowest scanner (scanners run side by side). */
  static Instant startTime(ScanResult result) {
    long slowest = result.getScannersList().stream().mapToLong(ScannerReport::getDurationMs).max().orElse(0);
    return endTime(result).minusMillis(Math.max(0, slowest));
  }
}
