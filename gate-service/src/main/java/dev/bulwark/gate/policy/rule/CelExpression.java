package dev.bulwark.gate.policy.rule;

import dev.bulwark.gate.policy.file.PolicyException;
import dev.bulwark.gate.policy.file.RuleSpec;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * A rule's CEL expression (https://cel.dev), compiled against the variables rules see
 * ({@code finding}, {@code findings}, {@code scan}, {@code lists}; fields in {@link CelFacts}).
 * Compile and run-time errors are {@link PolicyException}s naming the file and line.
 *
 * @param spec    the rule as written
 * @param file    the policy it came from, for messages
 * @param program the compiled expression
 */
public record CelExpression(RuleSpec spec, String file, CelRuntime.Program program) {
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

  /** Compiles a rule's expression; one that does not compile is a {@link PolicyException} naming its line. */
  public static CelExpression compile(RuleSpec spec, String file) {
    var result = CEL.compile(spec.expr(), file + ":" + spec.exprLine());
    if (result.hasError()) {
      var first = result.getErrors().get(0);
      int line = spec.exprLine() + Math.max(0, first.getSourceLocation().getLine() - 1);
      throw new PolicyException(file + ":" + line + ": rule '" + spec.name() + "' does not compile: "
          + first.getMessage() + " (expression line " + first.getSourceLocation().getLine() + ", column "
          + (first.getSourceLocation().getColumn() + 1) + ": " + spec.expr().strip().replaceAll("\\s+", " ") + ")");
    }
    try {
      return new CelExpression(spec, file, CEL.createProgram(result.getAst()));
    } catch (Exception e) {
      throw new PolicyException(file + ":" + spec.line() + ": rule '" + spec.name() + "' cannot run: " + e.getMessage());
    }
  }

  /** True when the expression holds for these variables; a run-time error is a {@link PolicyException}. */
  public boolean test(Map<String, ?> vars) {
    try {
      return Boolean.TRUE.equals(program.eval(vars));
    } catch (CelEvaluationException e) {
      throw new PolicyException(file + ":" + spec.line() + ": rule '" + spec.name() + "' failed: " + e.getMessage());
    }
  }
}
