package dev.bulwark.advisories.remediation;

import dev.bulwark.advisories.advisory.AdvisoryIndex;
import dev.bulwark.advisories.advisory.OsvRecord;
import dev.bulwark.advisories.advisory.Vulnerability;
import dev.bulwark.advisories.version.Version;
import dev.bulwark.advisories.version.VersionOrder;
import dev.bulwark.advisories.version.VersionOrders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upgrade that fixes a vulnerable package: the candidates are the versions that fix one of
 * its vulnerabilities (each vulnerability's fixed versions above the installed one), sorted in
 * the ecosystem's real version order; each candidate is checked against every advisory naming
 * the package, the way the installed version was, so a version that fixes one advisory but falls
 * into another one's range counts as not fixing it. See {@link UpgradePlan} for which candidate
 * is recommended.
 */
public final class UpgradePlanner {
  private static final Pattern MAJOR = Pattern.compile("^[vV]?(\\d+)");

  private UpgradePlanner() {}

  /**
   * @param vulnerabilities the package's vulnerabilities at the installed version, as
   *                        {@link Vulnerability#merge} gives them
   */
  public static UpgradePlan plan(AdvisoryIndex index, String ecosystem, String name, String installed,
      List<Vulnerability> vulnerabilities) {
    if (vulnerabilities.isEmpty() || VersionOrders.find(ecosystem).isEmpty()) {
      return UpgradePlan.NONE;
    }
    VersionOrder order = VersionOrders.find(ecosystem).get();
    var candidates = new TreeMap<Version, String>();
    for (Vulnerability v : vulnerabilities) {
      for (String fixed : v.fixedVersions()) {
        if (order.isValid(fixed)) {
          candidates.putIfAbsent(order.parse(fixed), fixed);
        }
      }
    }
    if (candidates.isEmpty()) {
      return UpgradePlan.NONE;
    }
    Long installedMajor = major(installed);
    var options = new ArrayList<UpgradePlan.Option>();
    for (String candidate : candidates.values()) {
      options.add(option(index, ecosystem, name, candidate, vulnerabilities, installedMajor));
    }
    return choose(options, vulnerabilities.size());
  }

  /** What moving to {@code candidate} fixes, and whether new advisories affect it. */
  private static UpgradePlan.Option option(AdvisoryIndex index, String ecosystem, String name, String candidate,
      List<Vulnerability> vulnerabilities, Long installedMajor) {
    Set<String> affectingIds = new HashSet<>();
    for (AdvisoryIndex.Match m : index.affecting(ecosystem, name, candidate)) {
      affectingIds.add(m.record().id());
    }
    var fixes = new LinkedHashSet<String>();
    Set<String> known = new HashSet<>();
    for (Vulnerability v : vulnerabilities) {
      boolean stillAffected = false;
      for (OsvRecord r : v.records()) {
        known.add(r.id());
        stillAffected |= affectingIds.contains(r.id());
      }
      if (!stillAffected) {
        fixes.add(v.id());
      }
    }
    boolean introducesNew = affectingIds.stream().anyMatch(id -> !known.contains(id));
    Long major = major(candidate);
    boolean isMajor = installedMajor != null && major != null && major > installedMajor;
    return new UpgradePlan.Option(candidate, isMajor, Set.copyOf(fixes), introducesNew);
  }

  /**
   * The smallest candidate fixing all (preferring one no advisory affects), else the one fixing
   * the most within the installed major (the smallest such), else the one fixing the most; plus
   * the best within the installed major when the recommendation leaves it or falls short.
   */
  static UpgradePlan choose(List<UpgradePlan.Option> ascending, int vulnerabilities) {
    UpgradePlan.Option best = ascending.stream()
        .filter(o -> o.fixes().size() == vulnerabilities && !o.introducesNew()).findFirst()
        .or(() -> ascending.stream().filter(o -> o.fixes().size() == vulnerabilities).findFirst())
        .or(() -> mostFixes(ascending.stream().filter(o -> !o.major()).toList()))
        .or(() -> mostFixes(ascending))
        .orElseThrow();
    UpgradePlan.Option sameMajor = null;
    if (best.major() || best.fixes().size() < vulnerabilities) {
      sameMajor = mostFixes(ascending.stream().filter(o -> !o.major()).toList())
          .filter(o -> o != best).orElse(null);
    }
    return new UpgradePlan(best, sameMajor);
  }

  /** The option fixing the most (at least one); the first (smallest) among equals. */
  private static Optional<UpgradePlan.Option> mostFixes(List<UpgradePlan.Option> ascending) {
    UpgradePlan.Option best = null;
    for (UpgradePlan.Option o : ascending) {
      if (!o.fixes().isEmpty() && (best == null || o.fixes().size() > best.fixes().size())) {
        best = o;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The first number of a version ("2.12.7.1" → 2, "v1.4.0" → 1), null when it has none. */
  static Long major(String version) {
    Matcher m = MAJOR.matcher(version.strip());
    if (!m.find()) {
      return null;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
