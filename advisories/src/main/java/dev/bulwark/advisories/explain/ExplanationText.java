package dev.bulwark.advisories.explain;

import dev.bulwark.advisories.advisory.OsvRecord;
import dev.bulwark.advisories.advisory.RangeEvaluator;

/** Renders an {@link Explainer.Explanation} as indented plain text. */
final class ExplanationText {
  private ExplanationText() {}

  static String render(Explainer.Explanation e) {
    var sb = new StringBuilder();
    sb.append(e.ecosystem()).append(' ').append(e.name()).append(' ').append(e.version()).append('\n');
    if (e.records().isEmpty()) {
      sb.append("  no advisory record")
          .append(e.advisoryId().map(id -> " " + id).orElse(""))
          .append(" names this package\n");
    }
    for (Explainer.RecordExplanation r : e.records()) {
      sb.append("  ").append(r.id());
      if (!r.aliases().isEmpty()) {
        sb.append(" (").append(String.join(", ", r.aliases())).append(')');
      }
      if (!r.summary().isBlank()) {
        sb.append(": ").append(r.summary());
      }
      sb.append('\n');
      for (RangeEvaluator.AffectedVerdict a : r.entries()) {
        OsvRecord.Package p = a.affected().pkg();
        sb.append("    affected ").append(p.ecosystem()).append(' ').append(p.name()).append('\n');
        if (!a.affected().versions().isEmpty()) {
          sb.append("      versions list (").append(a.affected().versions().size()).append("): ")
              .append(a.listed() ? "lists " + e.version() : "does not list " + e.version()).append('\n');
        }
        for (RangeEvaluator.RangeVerdict rv : a.ranges()) {
          sb.append("      ").append(rv.range().type()).append(" range");
          if (rv.range().repo() != null) {
            sb.append(' ').append(rv.range().repo());
          }
          sb.append(": ").append(!rv.evaluated() ? "skipped (" + rv.note() + ")"
              : rv.affected() ? "AFFECTED" : "not affected").append('\n');
          for (RangeEvaluator.Step s : rv.steps()) {
            sb.append("        ").append(s.kind()).append(' ').append(s.version())
                .append(s.applies() ? " applies" : " does not apply")
                .append(" -> ").append(s.affectedAfter() ? "affected" : "not affected").append('\n');
          }
        }
        sb.append("      entry verdict: ").append(a.isAffected() ? "AFFECTED" : "not affected").append('\n');
      }
      sb.append("    record verdict: ").append(r.affected() ? "AFFECTED" : "not affected");
      if (!r.fixedAbove().isEmpty()) {
        sb.append(", fixed in ").append(String.join(", ", r.fixedAbove()));
      }
      sb.append('\n');
    }
    sb.append("verdict: ").append(e.affected() ? "AFFECTED" : "not affected");
    if (e.affected()) {
      sb.append(e.lowestFixed().map(f -> " — upgrade to " + f).orElse(" — no fixed version published"));
    }
    return sb.append('\n').toString();
  }
}
