package dev.bulwark.sca.advisory;

import dev.bulwark.sca.version.Version;
import dev.bulwark.sca.version.VersionOrder;
import dev.bulwark.sca.version.VersionOrders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OSV records in memory, indexed by (ecosystem, normalised package name), so that matching an
 * inventory costs one hash lookup per package. Withdrawn records and packages of ecosystems
 * Bulwark has no version order for are left out.
 */
public final class AdvisoryIndex {
  private final Map<String, List<OsvRecord>> byPackage = new HashMap<>();
  private int records;

  /** The outcome for one record naming the package: every entry's verdict, and the overall one. */
  public record Match(OsvRecord record, List<RangeEvaluator.AffectedVerdict> verdicts, boolean affected) {}

  public AdvisoryIndex(Collection<OsvRecord> all) {
    for (OsvRecord r : all) {
      if (r.isWithdrawn()) {
        continue;
      }
      Set<String> keys = new LinkedHashSet<>();
      for (OsvRecord.Affected a : r.affected()) {
        if (a.pkg() == null || a.pkg().name() == null) {
          continue;
        }
        PackageNames.ecosystemKey(a.pkg().ecosystem())
            .ifPresent(eco -> keys.add(key(eco, a.pkg().name())));
      }
      keys.forEach(k -> byPackage.computeIfAbsent(k, x -> new ArrayList<>()).add(r));
      records += keys.isEmpty() ? 0 : 1;
    }
  }

  /** Records indexed (withdrawn and unknown-ecosystem ones excluded). */
  public int size() {
    return records;
  }

  private static String key(String ecosystemKey, String name) {
    return ecosystemKey + '\u0000' + PackageNames.normalise(ecosystemKey, name);
  }

  /** Every record that names the package, affected or not. */
  public List<OsvRecord> recordsFor(String ecosystem, String name) {
    return PackageNames.ecosystemKey(ecosystem)
        .map(eco -> byPackage.getOrDefault(key(eco, name), List.of()))
        .orElse(List.of());
  }

  /**
   * Evaluates every record naming the package against the version.
   *
   * @throws IllegalArgumentException when the ecosystem is unknown
   */
  public List<Match> evaluate(String ecosystem, String name, String version) {
    VersionOrder order = VersionOrders.forEcosystem(ecosystem);
    String eco = VersionOrders.canonicalName(ecosystem);
    String wanted = PackageNames.normalise(eco, name);
    var out = new ArrayList<Match>();
    for (OsvRecord r : recordsFor(ecosystem, name)) {
      var verdicts = new ArrayList<RangeEvaluator.AffectedVerdict>();
      boolean affected = false;
      for (OsvRecord.Affected a : r.affected()) {
        if (a.pkg() == null || a.pkg().name() == null
            || !PackageNames.ecosystemKey(a.pkg().ecosystem()).map(eco::equals).orElse(false)
            || !PackageNames.normalise(eco, a.pkg().name()).equals(wanted)) {
          continue;
        }
        var v = RangeEvaluator.evaluate(a, order, version);
        verdicts.add(v);
        affected |= v.isAffected();
      }
      out.add(new Match(r, List.copyOf(verdicts), affected));
    }
    return out;
  }

  /**
   * Versions above {@code installed} that fix all of {@code records}: every fixed event above
   * it, lowest first, keeping those at which none of the records is still affected.
   */
  public List<String> fixedVersions(List<OsvRecord> records, String ecosystem, String name, String installed) {
    VersionOrder order = VersionOrders.forEcosystem(ecosystem);
    Version current = order.parse(installed);
    var candidates = new TreeMap<Version, String>();
    for (OsvRecord r : records) {
      for (OsvRecord.Affected a : r.affected()) {
        for (OsvRecord.Range range : a.ranges()) {
          for (OsvRecord.Event e : range.events()) {
            if (e.fixed() != null && order.isValid(e.fixed())) {
              Version fixed = order.parse(e.fixed());
              if (fixed.compareTo(current) > 0) {
                candidates.putIfAbsent(fixed, e.fixed());
              }
            }
          }
        }
      }
    }
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(r.id()));
    return candidates.values().stream()
        .filter(v -> affecting(ecosystem, name, v).stream().noneMatch(m -> ids.contains(m.record().id())))
        .toList();
  }

  /** Only the records that affect this version. */
  public List<Match> affecting(String ecosystem, String name, String version) {
    return evaluate(ecosystem, name, version).stream().filter(Match::affected).toList();
  }
}
