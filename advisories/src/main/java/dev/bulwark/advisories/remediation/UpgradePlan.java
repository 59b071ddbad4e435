package dev.bulwark.advisories.remediation;

import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Upgrade;
import java.util.Set;

/**
 * The upgrade recommended for one vulnerable package, from {@link UpgradePlanner}: the smallest
 * version that fixes every vulnerability of the installed version (one no advisory affects, when
 * there is such a version); when none fixes them all, the one that fixes the most without a major
 * version jump (the smallest such), else the one that fixes the most. When the recommendation
 * leaves the installed major version or falls short, {@code sameMajor} is the best within it.
 *
 * @param best      the recommendation, or null when no fixed version is known
 * @param sameMajor the best upgrade within the installed major version, or null
 */
public record UpgradePlan(Option best, Option sameMajor) {
  /** No fixed version is known: nothing to recommend. */
  public static final UpgradePlan NONE = new UpgradePlan(null, null);

  /**
   * One candidate version.
   *
   * @param fixes         ids of the installed version's vulnerabilities it fixes
   * @param introducesNew whether an advisory the installed version does not have affects it
   */
  public record Option(String version, boolean major, Set<String> fixes, boolean introducesNew) {}

  /** The finding with the package's upgrade, as seen from its vulnerability; unchanged for {@link #NONE}. */
  public Finding annotate(Finding finding, String vulnerabilityId) {
    if (best == null) {
      return finding;
    }
    var upgrade = Upgrade.newBuilder().setVersion(best.version()).setMajor(best.major())
        .setFixesThis(best.fixes().contains(vulnerabilityId));
    if (sameMajor != null) {
      upgrade.setSameMajorVersion(sameMajor.version())
          .setSameMajorFixesThis(sameMajor.fixes().contains(vulnerabilityId));
    }
    return finding.toBuilder().setUpgrade(upgrade).build();
  }
}
