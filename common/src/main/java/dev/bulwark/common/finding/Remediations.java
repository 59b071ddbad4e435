package dev.bulwark.common.finding;

import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.Remediation;
import dev.bulwark.v1.Upgrade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * Remediation advice per vulnerable package, grouped from its dependency findings: "upgrade
 * jackson-databind 2.9.8 → 2.12.7.1: fixes 62 advisories" instead of 62 rows. The version itself
 * is the scanner's ({@link Finding#getUpgrade()}: scanners have the ecosystem's version order);
 * this only groups, counts and orders, so the gateway can put the advice in the scan's result.
 */
public final class Remediations {
  private Remediations() {}

  /**
   * One {@link Remediation} per package (scanner, ecosystem, name, version, manifest) with at
   * least one finding that is not suppressed; highest risk first, then by name.
   */
  public static List<Remediation> of(List<EvaluatedFinding> findings) {
    var groups = new LinkedHashMap<List<String>, List<EvaluatedFinding>>();
    for (EvaluatedFinding ef : findings) {
      Finding f = ef.getFinding();
      if (!f.hasPackage() || f.getPackage().getName().isEmpty()) {
        continue;
      }
      Package p = f.getPackage();
      groups.computeIfAbsent(List.of(f.getScanner(), p.getEcosystem(), p.getName(), p.getVersion(),
          p.getManifestPath()), k -> new ArrayList<>()).add(ef);
    }
    var out = new ArrayList<Remediation>();
    for (List<EvaluatedFinding> group : groups.values()) {
      if (group.stream().allMatch(ef -> ef.getStatus() == FindingStatus.SUPPRESSED)) {
        continue;
      }
      out.add(advice(group));
    }
    out.sort(Comparator.comparingInt(Remediation::getRiskScore).reversed()
        .thenComparing(r -> r.getPackage().getName())
        .thenComparing(r -> r.getPackage().getManifestPath()));
    return out;
  }

  private static Remediation advice(List<EvaluatedFinding> group) {
    Finding first = group.get(0).getFinding();
    Upgrade upgrade = group.stream().map(EvaluatedFinding::getFinding).filter(Finding::hasUpgrade)
        .map(Finding::getUpgrade).findFirst().orElse(Upgrade.getDefaultInstance());
    var fixes = new TreeSet<String>();
    var remaining = new TreeSet<String>();
    var sameMajorFixes = new TreeSet<String>();
    int risk = 0;
    for (EvaluatedFinding ef : group) {
      Finding f = ef.getFinding();
      String id = f.hasAdvisory() && !f.getAdvisory().getId().isEmpty() ? f.getAdvisory().getId() : f.getRuleId();
      boolean fixed = f.hasUpgrade() && !upgrade.getVersion().isEmpty() && f.getUpgrade().getFixesThis();
      (fixed ? fixes : remaining).add(id);
      if (f.hasUpgrade() && f.getUpgrade().getSameMajorFixesThis()) {
        sameMajorFixes.add(id);
      }
      if (ef.getStatus() != FindingStatus.SUPPRESSED) {
        risk = Math.max(risk, ef.getRiskScore());
      }
    }
    var b = Remediation.newBuilder()
        .setPackage(first.getPackage().toBuilder().clearFixedVersions())
        .setScanner(first.getScanner())
        .setUpgradeTo(upgrade.getVersion())
        .setMajor(upgrade.getMajor())
        .addAllFixes(fixes)
        .addAllRemaining(remaining)
        .setRiskScore(risk);
    if (!upgrade.getSameMajorVersion().isEmpty()) {
      b.setSameMajorVersion(upgrade.getSameMajorVersion()).addAllSameMajorFixes(sameMajorFixes);
    }
    return b.build();
  }
}
