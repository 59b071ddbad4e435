package dev.bulwark.advisories.advisory;

import dev.bulwark.advisories.version.Version;
import dev.bulwark.advisories.version.VersionOrder;
import dev.bulwark.advisories.version.VersionOrders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides whether one version is affected by one {@code affected[]} entry, exactly as the OSV
 * schema specifies: the version is listed in {@code versions} (exact strings), or some ECOSYSTEM / SEMVER range
 * affects it. A range's events are sorted by version ("0" introduced = before everything) and
 * walked in that order: introduced ≤ v makes it affected, fixed ≤ v or last_affected &lt; v
 * makes it unaffected; a limit event bounds the range from above. GIT ranges (commit hashes)
 * cannot be evaluated against a version and are skipped without skipping the other ranges.
 * Every step is kept, for {@code bulwark explain}.
 */
public final class RangeEvaluator {
  private static final VersionOrder SEMVER = VersionOrders.forEcosystem("npm");

  private RangeEvaluator() {}

  /** One event as it was applied: the state after it, and whether it changed anything. */
  public record Step(String kind, String version, boolean applies, boolean affectedAfter) {}

  /** A range's verdict: skipped (with why), or affected or not after its steps. */
  public record RangeVerdict(OsvRecord.Range range, boolean evaluated, boolean affected,
      List<Step> steps, String note) {}

  /** The verdict of one affected entry. */
  public record AffectedVerdict(OsvRecord.Affected affected, boolean listed,
      List<RangeVerdict> ranges, boolean isAffected) {}

  public static AffectedVerdict evaluate(OsvRecord.Affected affected, VersionOrder order, String version) {
    return evaluate(affected, order, SEMVER, version);
  }

  /** As {@link #evaluate(OsvRecord.Affected, VersionOrder, String)}, with the order SEMVER ranges use. */
  public static AffectedVerdict evaluate(OsvRecord.Affected affected, VersionOrder order, VersionOrder semver,
      String version) {
    // the versions list holds the ecosystem's exact version strings
    return evaluate(affected, affected.versions().contains(version), order, semver, version);
  }

  /** As above, when the caller already knows whether the versions list names the version. */
  public static AffectedVerdict evaluate(OsvRecord.Affected affected, boolean listed, VersionOrder order,
      VersionOrder semver, String version) {
    var verdicts = new ArrayList<RangeVerdict>();
    boolean any = listed;
    for (OsvRecord.Range range : affected.ranges()) {
      RangeVerdict v = evaluate(range, order, semver, version);
      verdicts.add(v);
      any |= v.affected();
    }
    return new AffectedVerdict(affected, listed, List.copyOf(verdicts), any);
  }

  public static RangeVerdict evaluate(OsvRecord.Range range, VersionOrder ecosystemOrder, VersionOrder semver,
      String version) {
    String type = range.type() == null ? "" : range.type();
    VersionOrder order = switch (type) {
      case "ECOSYSTEM" -> ecosystemOrder;
      case "SEMVER" -> semver;
      default -> null;
    };
    if (order == null) {
      return new RangeVerdict(range, false, false, List.of(), type + " range skipped: it names commits, not versions");
    }
    final Version v;
    try {
      v = order.parse(version);
    } catch (IllegalArgumentException e) {
      return new RangeVerdict(range, false, false, List.of(), e.getMessage());
    }
    record Parsed(OsvRecord.Event event, Version at, int rank) {}
    var events = new ArrayList<Parsed>();
    for (OsvRecord.Event e : range.events()) {
      if (e.version() == null) {
        continue;
      }
      if ("introduced".equals(e.kind()) && "0".equals(e.introduced())) {
        events.add(new Parsed(e, null, 0));
        continue;
      }
      try {
        events.add(new Parsed(e, order.parse(e.version()), rank(e.kind())));
      } catch (IllegalArgumentException ex) {
        return new RangeVerdict(range, false, false, List.of(), "range skipped: event " + ex.getMessage());
      }
    }
    Comparator<Parsed> byVersion = (a, b) -> {
      if (a.at() == null || b.at() == null) {
        return a.at() == null ? (b.at() == null ? 0 : -1) : 1;
      }
      return a.at().compareTo(b.at());
    };
    events.sort(byVersion.thenComparingInt(Parsed::rank));
    boolean affected = false;
    var steps = new ArrayList<Step>();
    for (Parsed p : events) {
      boolean applies = switch (p.event().kind()) {
        case "introduced" -> p.at() == null || v.compareTo(p.at()) >= 0;
        case "fixed", "limit" -> v.compareTo(p.at()) >= 0;
        default -> v.compareTo(p.at()) > 0; // last_affected
      };
      if (applies) {
        affected = "introduced".equals(p.event().kind());
      }
      steps.add(new Step(p.event().kind(), p.event().version(), applies, affected));
    }
    return new RangeVerdict(range, true, affected, List.copyOf(steps), "");
  }

  private static int rank(String kind) {
    return switch (kind) {
      case "introduced" -> 0;
      case "last_affected" -> 1;
      case "fixed" -> 2;
      default -> 3;
    };
  }
}
