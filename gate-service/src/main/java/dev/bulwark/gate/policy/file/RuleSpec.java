package dev.bulwark.gate.policy.file;

/**
 * A rule as written, before compilation.
 *
 * @param name     unique within the file
 * @param expr     a CEL expression yielding a bool
 * @param deny     true for {@code action: deny}, false for {@code warn}
 * @param message  shown in the decision's reasons
 * @param perScan  true for {@code on: scan}
 * @param line     line of the rule's entry (1-based)
 * @param exprLine line where the expression starts (1-based), for CEL's error positions
 */
public record RuleSpec(String name, String expr, boolean deny, String message, boolean perScan, int line,
    int exprLine) {}
