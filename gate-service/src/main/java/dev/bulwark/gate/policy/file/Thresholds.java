package dev.bulwark.gate.policy.file;

import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import java.util.EnumSet;
import java.util.Set;

/**
 * The severity rule of a policy: which findings fail the gate, and which scanner status makes
 * the gate give up (ERROR).
 *
 * <p>The built-in default ({@link #DEFAULT}) fails on any unsuppressed finding of HIGH or
 * CRITICAL severity in runtime scope, NEW or EXISTING. It does not default to "only new": the
 * previous scan of a branch is usually the one that failed, so a retried CI job would see every
 * finding as EXISTING and pass. Repositories opt in with {@code failOn: {onlyNew: true}}.
 * Code, secret and configuration findings (no package) and packages of unspecified scope count
 * as runtime.
 *
 * @param severity            lowest severity that fails
 * @param scopes              dependency scopes that fail
 * @param onlyNew             when true, EXISTING findings never fail
 * @param failOnScannerStatus FAILED (default): only a failed scanner makes the verdict ERROR;
 *                            DEGRADED: a degraded one does too
 */
public record Thresholds(Severity severity, Set<Scope> scopes, boolean onlyNew, ScannerStatus failOnScannerStatus) {
  public static final Thresholds DEFAULT =
      new Thresholds(Severity.HIGH, EnumSet.of(Scope.RUNTIME), false, ScannerStatus.FAILED);

  public Thresholds {
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  /** True when this unsuppressed finding is one the rule denies. */
  public boolean denies(AssessedFinding f) {
    if (f.status() == FindingStatus.SUPPRESSED) {
      return false;
    }
    if (onlyNew && f.status() != FindingStatus.NEW) {
      return false;
    }
    return f.finding().getSeverity().getNumber() >= severity.getNumber()
        && scopes.contains(f.effectiveScope());
  }

  /** True when a scanner in this status must turn the verdict into ERROR. */
  public boolean errorsOn(ScannerStatus status) {
    return status == ScannerStatus.FAILED
        || (failOnScannerStatus == ScannerStatus.DEGRADED && status == ScannerStatus.DEGRADED);
  }

  /** "at HIGH or above in scopes [RUNTIME] (new or existing)", for reasons. */
  public String describe() {
    return "at " + severity + " or above in scopes " + scopes.stream().sorted().toList()
        + (onlyNew ? " (new only)" : " (new or existing)");
  }
}
