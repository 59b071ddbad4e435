package dev.bulwark.advisories.advisory;

import dev.bulwark.advisories.version.CachingVersionOrder;
import dev.bulwark.advisories.version.Version;
import dev.bulwark.advisories.version.VersionOrder;
import dev.bulwark.advisories.version.VersionOrders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OSV records in memory, indexed by (ecosystem, normalised package name), so that matching an
 * inventory costs one hash lookup per package; each index entry keeps the record's affected
 * entries for that package, so names are normalised once, at build time. Withdrawn records and
 * packages of ecosystems Bulwark has no version order for are left out. Parsed versions are
 * cached per ecosystem. Thread-safe once built.
 */
public final class AdvisoryIndex {
  /** Key of the order SEMVER ranges use, whatever the ecosystem. */
  private static final String SEMVER_KEY = "\u0000SEMVER";
  private final Map<String, List<Entry>> byPackage = new HashMap<>();
  private final Map<String, VersionOrder> orders = new ConcurrentHashMap<>();
  /** Ecosystem keys with at least one package: "Alpine" and "Alpine:v3.10" alike. */
  private final Set<String> ecosystems = new java.util.HashSet<>();
  private int records;

  /** One record and its affected entries for one package, with their version lists as sets. */
  private record Entry(OsvRecord record, List<OsvRecord.Affected> affected, List<Set<String>> listed) {
    Entry(OsvRecord record, List<OsvRecord.Affected> affected) {
      this(record, List.copyOf(affected), affected.stream().map(a -> Set.copyOf(a.versions())).toList());
    }
  }

  /** The outcome for one record naming the package: every entry's verdict, and the overall one. */
  public record Match(OsvRecord record, List<RangeEvaluator.AffectedVerdict> verdicts, boolean affected) {}

  public AdvisoryIndex(Collection<OsvRecord> all) {
    // A record about several ecosystems comes once per ecosystem export: index it once.
    var seen = new java.util.HashSet<String>();
    for (OsvRecord r : all) {
      if (r.isWithdrawn() || !seen.add(r.id())) {
        continue;
      }
      Map<String, List<OsvRecord.Affected>> byKey = new LinkedHashMap<>();
      for (OsvRecord.Affected a : r.affected()) {
        if (a.pkg() != null && a.pkg().name() != null) {
          // under the bare ecosystem, and under its release for distributions ("Debian:12")
          PackageNames.ecosystemKey(a.pkg().ecosystem()).ifPresent(eco ->
              byKey.computeIfAbsent(key(eco, a.pkg().name()), k -> new ArrayList<>()).add(a));
          PackageNames.releaseKey(a.pkg().ecosystem()).filter(k -> k.contains(":")).ifPresent(eco ->
              byKey.computeIfAbsent(key(eco, a.pkg().name()), k -> new ArrayList<>()).add(a));
        }
      }
      byKey.forEach((k, entries) -> {
        byPackage.computeIfAbsent(k, x -> new ArrayList<>()).add(new Entry(r, entries));
        ecosystems.add(k.substring(0, k.indexOf('\u0000')));
      });
      records += byKey.isEmpty() ? 0 : 1;
    }
  }

  /** Records indexed (withdrawn and unknown-ecosystem ones excluded). */
  public int size() {
    return records;
  }

  /**
   * Whether any record is about this ecosystem as written: "Alpine:v3.10" only when records
   * name that release, so a caller can fall back to the bare ecosystem when they do not.
   */
  public boolean covers(String ecosystem) {
    return PackageNames.releaseKey(ecosystem).map(ecosystems::contains).orElse(false);
  }

  private static String key(String ecosystemKey, String name) {
    return ecosystemKey + '\u0000' + PackageNames.normalise(ecosystemKey, name);
  }

  /** A query for "Debian:12" sees that release's records; one for "Debian" sees every release's. */
  private List<Entry> entries(String ecosystem, String name) {
    return PackageNames.releaseKey(ecosystem)
        .map(eco -> byPackage.getOrDefault(key(eco, name), List.of()))
        .orElse(List.of());
  }

  /** Every record that names the package, affected or not. */
  public List<OsvRecord> recordsFor(String ecosystem, String name) {
    return entries(ecosystem, name).stream().map(Entry::record).toList();
  }

  /**
   * Evaluates every record naming the package against the version.
   *
   * @throws IllegalArgumentException when the ecosystem is unknown
   */
  public List<Match> evaluate(String ecosystem, String name, String version) {
    return evaluate(entries(ecosystem, name), ecosystem, version);
  }

  /** Only the records that affect this version. */
  public List<Match> affecting(String ecosystem, String name, String version) {
    return evaluate(ecosystem, name, version).stream().filter(Match::affected).toList();
  }

  private List<Match> evaluate(List<Entry> entries, String ecosystem, String version) {
    VersionOrder order = order(VersionOrders.canonicalName(ecosystem));
    VersionOrder semver = order(SEMVER_KEY);
    var out = new ArrayList<Match>(entries.size());
    for (Entry e : entries) {
      var verdicts = new ArrayList<RangeEvaluator.AffectedVerdict>(e.affected().size());
      boolean affected = false;
      for (int i = 0; i < e.affected().size(); i++) {
        var v = RangeEvaluator.evaluate(e.affected().get(i), e.listed().get(i).contains(version), order, semver,
            version);
        verdicts.add(v);
        affected |= v.isAffected();
      }
      out.add(new Match(e.record(), List.copyOf(verdicts), affected));
    }
    return out;
  }

  /** Caches parsed versions per ecosystem: the same event versions recur across a scan. */
  private VersionOrder order(String ecosystemKey) {
    return orders.computeIfAbsent(ecosystemKey, k -> new CachingVersionOrder(
        VersionOrders.forEcosystem(k.equals(SEMVER_KEY) ? "npm" : k)));
  }

  /**
   * Versions above {@code installed} that fix all of {@code records}: every fixed event above
   * it, lowest first, keeping those at which none of the records is still affected.
   */
  public List<String> fixedVersions(List<OsvRecord> records, String ecosystem, String name, String installed) {
    VersionOrder order = order(VersionOrders.canonicalName(ecosystem));
    Version current = order.parse(installed);
    var wanted = new java.util.HashSet<String>();
    records.forEach(r -> wanted.add(r.id()));
    List<Entry> entries = entries(ecosystem, name).stream().filter(e -> wanted.contains(e.record().id())).toList();
    var candidates = new TreeMap<Version, String>();
    for (Entry e : entries) {
      for (OsvRecord.Affected a : e.affected()) {
        for (OsvRecord.Range range : a.ranges()) {
          for (OsvRecord.Event ev : range.events()) {
            if (ev.fixed() != null && order.isValid(ev.fixed())) {
              Version fixed = order.parse(ev.fixed());
              if (fixed.compareTo(current) > 0) {
                candidates.putIfAbsent(fixed, ev.fixed());
              }
            }
          }
        }
      }
    }
    return candidates.values().stream()
        .filter(v -> evaluate(entries, ecosystem, v).stream().noneMatch(Match::affected))
        .toList();
  }
}
