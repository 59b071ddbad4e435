package dev.bulwark.gate.core;

import dev.bulwark.v1.FindingStatus;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy rule written in CEL (https://cel.dev). A per-finding rule ({@code on: finding}) is
 * evaluated once for each unsuppressed finding, with variables {@code finding}, {@code scan}
 * and {@code lists}; it fires when the expression is true for at least one. A per-scan rule
 * ({@code on: scan}) is evaluated once, with {@code findings} (all of them, suppressed ones
 * included with status "SUPPRESSED", so a rule can refuse suppressions), {@code scan} and
 * {@code lists}. The fields of these maps are listed in {@link CelFacts}.
 * An expression that fails at run time (e.g. a missing key) makes the verdict ERROR.
 */
public record CelRule(PolicyFile.RuleSpec spec, String file, CelRuntime.Program program,
    Map<String, List<String>> lists) implements PolicyRule {

  /** Bumped when the variables offered to expressions change. */
  public static final String VERSION = "cel-env@1";

  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("finding", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .addVar("findings", ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)))
      .addVar("scan", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .addVar("lists", MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)))
      .setResultType(SimpleType.BOOL)
      .build();

  /** Compiles a rule; a rule that does not compile is a {@link PolicyException} naming its line. */
  public static CelRule compile(PolicyFile.RuleSpec spec, String file, Map<String, List<String>> lists) {
    var result = CEL.compile(spec.expr(), file + ":" + spec.exprLine());
    if (result.hasError()) {
      var first = result.getErrors().get(0);
      int line = spec.exprLine() + Math.max(0, first.getSourceLocation().getLine() - 1);
      throw new PolicyException(file + ":" + line + ": rule '" + spec.name() + "' does not compile: "
          + first.getMessage() + " (expression line " + first.getSourceLocation().getLine() + ", column "
          + (first.getSourceLocation().getColumn() + 1) + ": " + spec.expr().strip().replaceAll("\\s+", " ") + ")");
    }
    try {
      return new CelRule(spec, file, CEL.createProgram(result.getAst()), lists);
    } catch (Exception e) {
      throw new PolicyException(file + ":" + spec.line() + ": rule '" + spec.name() + "' cannot run: " + e.getMessage());
    }
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public Optional<Hit> check(ScanFacts facts) {
    var scan = CelFacts.scan(facts);
    var open = facts.findings().stream().filter(f -> f.status() != FindingStatus.SUPPRESSED).toList();
    String prefix = (spec.deny() ? "DENY " : "WARN ") + spec.name() + ": " + spec.message();
    if (spec.perScan()) {
      var findings = facts.findings().stream().map(CelFacts::finding).toList();
      return eval(Map.of("findings", findings, "scan", scan, "lists", lists))
          ? Optional.of(new Hit(spec.deny(), prefix)) : Optional.empty();
    }
    var hits = new ArrayList<AssessedFinding>();
    for (var f : open) {
      if (eval(Map.of("finding", CelFacts.finding(f), "scan", scan, "lists", lists))) {
        hits.add(f);
      }
    }
    return hits.isEmpty() ? Optional.empty()
        : Optional.of(new Hit(spec.deny(), prefix + " — " + PolicyRule.summarise("matched", hits)));
  }

  private boolean eval(Map<String, ?> vars) {
    try {
      return Boolean.TRUE.equals(program.eval(vars));
    } catch (CelEvaluationException e) {
      throw new PolicyException(file + ":" + spec.line() + ": rule '" + spec.name() + "' failed: " + e.getMessage());
    }
  }
}
