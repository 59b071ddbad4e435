package dev.bulwark.advisories.explain;

import dev.bulwark.advisories.advisory.AdvisoryIndex;
import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.OsvRecord;
import dev.bulwark.advisories.advisory.RangeEvaluator;
import dev.bulwark.advisories.version.VersionOrders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a package version is (or is not) affected, for {@code bulwark explain}: every advisory
 * record naming the package (or only the one asked for, by id or alias), each of its affected
 * entries for the package, their ranges with events in evaluation order and the state after
 * each, the verdict of each range, and the final verdict with the lowest fixed version above
 * the installed one. Built on the scanner's own {@link AdvisoryIndex} and {@link RangeEvaluator}.
 */
public final class Explainer {
  private Explainer() {}

  /** One record's part of the explanation. */
  public record RecordExplanation(String id, List<String> aliases, String summary,
      List<RangeEvaluator.AffectedVerdict> entries, boolean affected, List<String> fixedAbove) {}

  /** The whole explanation. */
  public record Explanation(String ecosystem, String name, String version, Optional<String> advisoryId,
      List<RecordExplanation> records, boolean affected, Optional<String> lowestFixed) {

    /** Plain text, one line per record, entry, range and event. */
    public String render() {
      return ExplanationText.render(this);
    }
  }

  public static Explanation explain(AdvisoryStore store, String ecosystem, String name, String version,
      Optional<String> advisoryId) throws IOException {
    return explain(store.index(), ecosystem, name, version, advisoryId);
  }

  /**
   * @throws IllegalArgumentException when the ecosystem is unknown or the version cannot be parsed
   */
  public static Explanation explain(AdvisoryIndex index, String ecosystem, String name, String version,
      Optional<String> advisoryId) {
    var order = VersionOrders.forEcosystem(ecosystem);
    order.parse(version); // throws with a clear message when unparsable
    String eco = VersionOrders.canonicalName(ecosystem);
    var out = new ArrayList<RecordExplanation>();
    var affecting = new ArrayList<OsvRecord>();
    for (AdvisoryIndex.Match m : index.evaluate(eco, name, version)) {
      OsvRecord r = m.record();
      if (advisoryId.isPresent() && !r.id().equalsIgnoreCase(advisoryId.get())
          && r.aliases().stream().noneMatch(a -> a.equalsIgnoreCase(advisoryId.get()))) {
        continue;
      }
      List<String> fixed = m.affected() ? index.fixedVersions(List.of(r), eco, name, version) : List.of();
      if (m.affected()) {
        affecting.add(r);
      }
      out.add(new RecordExplanation(r.id(), r.aliases(), r.summary() == null ? "" : r.summary(),
          m.verdicts(), m.affected(), fixed));
    }
    List<String> all = affecting.isEmpty() ? List.of() : index.fixedVersions(affecting, eco, name, version);
    return new Explanation(eco, name, version, advisoryId, List.copyOf(out), !affecting.isEmpty(),
        all.stream().findFirst());
  }
}
