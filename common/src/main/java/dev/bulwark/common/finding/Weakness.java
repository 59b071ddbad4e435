package dev.bulwark.common.finding;

import dev.bulwark.common.path.Glob;
import dev.bulwark.v1.Finding;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One weakness as different scanners name it: by CWE, or by rule ids (globs) of checks that carry
 * no CWE. {@link #KNOWN} is the table {@link FindingMerger} reads; adding a class of overlapping
 * checks is one line there.
 *
 * @param name  for people
 * @param cwes  CWE numbers that name it
 * @param rules rule-id globs of checks about it (e.g. Trivy's {@code DS-0031}, which has no CWE)
 */
public record Weakness(String name, Set<Integer> cwes, List<Pattern> rules) {

  /** The weaknesses more than one scanner reports under different names. */
  public static final List<Weakness> KNOWN = List.of(
      // the secrets analyzer (secret.*), Trivy's secret scanner (secret.<RuleID>), the Dockerfile
      // check for secrets in ARG/ENV (DS-0031) and Trivy's ConfigMap check (KSV-0109)
      of("hard-coded secret", Set.of(798, 259, 321), "secret.*", "DS-0031", "AVD-DS-0031", "KSV-0109",
          "AVD-KSV-0109"));

  static Weakness of(String name, Set<Integer> cwes, String... ruleGlobs) {
    return new Weakness(name, cwes, List.of(ruleGlobs).stream().map(Glob::compile).toList());
  }

  /** Whether the finding is about this weakness. */
  public boolean covers(Finding f) {
    return f.getCweList().stream().anyMatch(cwes::contains)
        || rules.stream().anyMatch(r -> r.matcher(f.getRuleId()).matches());
  }

  /**
   * Whether two findings name the same weakness: the same rule id (one check run by two analyzers,
   * e.g. native and Trivy), a CWE in common, or one of the {@link #KNOWN} weaknesses both are about.
   */
  public static boolean same(Finding a, Finding b) {
    if (a.getRuleId().equals(b.getRuleId()) || a.getCweList().stream().anyMatch(b.getCweList()::contains)) {
      return true;
    }
    return KNOWN.stream().anyMatch(w -> w.covers(a) && w.covers(b));
  }
}
