package dev.bulwark.gate.dashboard;

import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.gate.dashboard.DecisionHistory.RecordedFinding;
import dev.bulwark.gate.dashboard.Views.FindingView;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Severity;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which findings to list; an empty criterion accepts any. Severity and status are exact
 * (case-insensitive), the scanner exact, the path a case-insensitive substring of the finding's
 * file or manifest path.
 */
public record FindingFilter(String scanner, String severity, String status, String path) {
  private static final Set<String> SEVERITIES = Arrays.stream(Severity.values())
      .filter(s -> s != Severity.UNRECOGNIZED && s != Severity.SEVERITY_UNSPECIFIED).map(Enum::name)
      .collect(Collectors.toSet());
  private static final Set<String> STATUSES = Set.of(FindingStatus.NEW.name(), FindingStatus.EXISTING.name(),
      FindingStatus.SUPPRESSED.name());

  /** {@link Refusal#invalid} naming the criterion that is not one of its values. */
  public FindingFilter {
    scanner = normal(scanner).toLowerCase(Locale.ROOT);
    severity = normal(severity).toUpperCase(Locale.ROOT);
    status = normal(status).toUpperCase(Locale.ROOT);
    path = normal(path).toLowerCase(Locale.ROOT);
    if (!severity.isEmpty() && !SEVERITIES.contains(severity)) {
      throw Refusal.invalid("severity must be one of " + SEVERITIES.stream().sorted().toList() + ", not '"
          + severity + "'");
    }
    if (!status.isEmpty() && !STATUSES.contains(status)) {
      throw Refusal.invalid("status must be one of " + STATUSES.stream().sorted().toList() + ", not '" + status + "'");
    }
  }

  /** Accepts everything. */
  public static FindingFilter any() {
    return new FindingFilter("", "", "", "");
  }

  boolean accepts(RecordedFinding r) {
    var f = r.finding();
    return (scanner.isEmpty() || f.getScanner().equalsIgnoreCase(scanner))
        && (severity.isEmpty() || f.getSeverity().name().equals(severity))
        && (status.isEmpty() || r.status().equals(status))
        && (path.isEmpty() || path(r).toLowerCase(Locale.ROOT).contains(path));
  }

  static FindingView view(RecordedFinding r) {
    var f = r.finding();
    String pkg = f.hasPackage() ? f.getPackage().getName() + "@" + f.getPackage().getVersion() : "";
    return new FindingView(f.getScanner(), f.getRuleId(), f.getTitle(), f.getSeverity().name(), r.status(), r.risk(),
        path(r), f.getLocation().getStartLine(), pkg, r.suppression() == null ? "" : r.suppression());
  }

  private static String path(RecordedFinding r) {
    var f = r.finding();
    return !f.getLocation().getPath().isEmpty() ? f.getLocation().getPath() : f.getPackage().getManifestPath();
  }

  private static String normal(String s) {
    return s == null ? "" : s.strip();
  }
}
