package dev.bulwark.gate.policy;

import dev.bulwark.gate.policy.file.PolicyFile;
import dev.bulwark.gate.policy.file.Thresholds;
import dev.bulwark.gate.policy.rule.PolicyRule;
import dev.bulwark.gate.risk.Exposure;
import dev.bulwark.v1.ScannerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a repository's policy adds to a central one under {@code repo: {allow: tighten}}: only what
 * makes the gate stricter. Rules are added unless they are named like a central rule (a repository
 * cannot replace a central rule); {@code failOn} adds a severity rule unless it is looser than
 * the central one in any way (higher severity, fewer scopes, only new findings); a stricter
 * {@code failOnScannerStatus} and an {@code exposure} that raises risk are taken. Everything
 * refused is named in one {@code WARN policy} line each.
 */
final class Tightening {
  private Tightening() {}

  /**
   * @param rules     rules to add to the central ones
   * @param refused   one reason line per refused attempt to loosen
   * @param effective the central file with the stricter scanner-status threshold and exposure
   */
  record Result(List<PolicyRule> rules, List<String> refused, PolicyFile effective) {}

  static Result apply(PolicyFile central, Policy base, PolicyFile repo) {
    var rules = new ArrayList<PolicyRule>();
    var refused = new ArrayList<String>();
    String warn = "WARN policy " + repo.path() + ": ";
    var centralNames = base.rules().stream().map(PolicyRule::name).collect(Collectors.toSet());
    for (var spec : repo.rules()) {
      if (centralNames.contains(spec.name())) {
        refused.add(warn + "rule '" + spec.name() + "' ignored: it would replace the central rule of that name");
      } else {
        rules.add(PolicyRule.CelRule.compile(spec, repo.path(), repo.lists()));
      }
    }
    var ct = central.thresholds();
    var rt = repo.thresholds();
    if (repo.declared().contains("failOn")) {
      boolean centralHasSeverityRule = base.rules().stream().anyMatch(r -> r instanceof PolicyRule.SeverityRule);
      var looser = centralHasSeverityRule ? looser(rt, ct) : List.<String>of();
      if (!looser.isEmpty()) {
        refused.add(warn + "failOn ignored: it would loosen the central policy (" + String.join("; ", looser) + ")");
      } else if (!centralHasSeverityRule || !sameRule(rt, ct)) {
        rules.add(new PolicyRule.SeverityRule(rt));
      }
    }
    var scannerStatus = ct.failOnScannerStatus();
    if (repo.declared().contains("failOnScannerStatus") && rt.failOnScannerStatus() != scannerStatus) {
      if (rt.failOnScannerStatus() == ScannerStatus.DEGRADED) {
        scannerStatus = ScannerStatus.DEGRADED;
      } else {
        refused.add(warn + "failOnScannerStatus " + rt.failOnScannerStatus()
            + " ignored: the central policy errors on DEGRADED scanners");
      }
    }
    var exposure = central.exposure();
    if (repo.declared().contains("exposure") && repo.exposure() != exposure) {
      if (repo.exposure() == Exposure.INTERNET_FACING) {
        exposure = Exposure.INTERNET_FACING;
      } else {
        refused.add(warn + "exposure " + repo.exposure().yaml() + " ignored: it would lower risk below the central "
            + "policy's (" + exposure.yaml() + ")");
      }
    }
    if (repo.declared().contains("repo")) {
      refused.add(warn + "repo: ignored: only a central policy says what a repository may do");
    }
    var thresholds = new Thresholds(ct.severity(), ct.scopes(), ct.onlyNew(), scannerStatus);
    var effective = new PolicyFile(central.path() + " + " + repo.path(), thresholds, central.secretsRule(),
        central.suppressions(), central.ignoredSuppressions(), central.rules(), central.lists(), central.version(),
        exposure, central.declared(), central.repo());
    return new Result(rules, refused, effective);
  }

  /** How {@code repo} would let through what {@code central} denies; empty when it does not. */
  static List<String> looser(Thresholds repo, Thresholds central) {
    var out = new ArrayList<String>();
    if (repo.severity().getNumber() > central.severity().getNumber()) {
      out.add("severity " + repo.severity() + " is above the central " + central.severity());
    }
    if (!repo.scopes().containsAll(central.scopes())) {
      var dropped = central.scopes().stream().filter(s -> !repo.scopes().contains(s)).sorted().toList();
      out.add("scopes drop " + dropped);
    }
    if (repo.onlyNew() && !central.onlyNew()) {
      out.add("onlyNew lets existing findings pass");
    }
    return out;
  }

  private static boolean sameRule(Thresholds a, Thresholds b) {
    return a.severity() == b.severity() && a.scopes().equals(b.scopes()) && a.onlyNew() == b.onlyNew();
  }
}
