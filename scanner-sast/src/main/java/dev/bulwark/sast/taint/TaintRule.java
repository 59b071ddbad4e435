package dev.bulwark.sast.taint;

import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One rule of a language pack: where it looks (a call whose canonical callee matches
 * {@code callee}, an assignment whose target matches {@code assign}, or what an entry point
 * returns), which values it examines, and what those values must be to report.
 *
 * @param require      {@link Require#TAINT}: a selected value carries request or local input;
 *                     {@link Require#NON_CONSTANT}: it is built at run time; {@link Require#NONE}: the
 *                     match alone is the finding (weak algorithms, unsafe settings)
 * @param argsMatch    must match the call's argument text (null: no condition)
 * @param argsNotMatch must not match it
 * @param fileMatch    must occur in the file (an import, a framework) for the rule to apply
 * @param localSources whether local input (command line, standard input) counts, not only request
 *                     data: a command-line tool opening the file it is given is no path traversal
 */
public record TaintRule(String id, String title, Severity severity, List<Integer> cwe, Confidence confidence,
    SinkClass sinkClass, Pattern callee, Pattern assign, boolean returnFromEntry, Selector select, Require require,
    Pattern argsMatch, Pattern argsNotMatch, Pattern fileMatch, boolean localSources, String remediation) {

  public enum Require { TAINT, NON_CONSTANT, NONE }

  /** True when a value with this label reaching the sink is a finding (or, for a parameter, may become one). */
  public boolean counts(Label l) {
    return l.reaches(sinkClass) && (l.kind() != Label.Kind.LOCAL || localSources);
  }

  /**
   * Which values of a call are examined.
   *
   * @param positions argument positions (0-based)
   * @param keywords  keyword arguments by name
   * @param keys      keys of object/dict arguments ({@code $where})
   * @param all       every argument
   * @param receiver  the object the method is called on
   */
  public record Selector(List<Integer> positions, List<String> keywords, List<String> keys, boolean all,
      boolean receiver) {
    public static final Selector FIRST = new Selector(List.of(0), List.of(), List.of(), false, false);
  }
}
