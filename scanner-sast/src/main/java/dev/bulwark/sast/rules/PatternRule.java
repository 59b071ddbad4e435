package dev.bulwark.sast.rules;

import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One rule of a language pack (Semgrep's shape, on a token-aware regex matcher).
 *
 * @param pattern      matched against code with comments and string contents blanked; when it
 *                     ends with an opening parenthesis, the call's arguments are examined too
 * @param argsMatch    must match the call's raw argument text (null = no condition)
 * @param argsNotMatch must not match the call's raw argument text
 * @param require      "none", "nonConstant" (the first argument is built from variables) or
 *                     "taint" (the first argument carries request data)
 * @param requires     must occur in the file's code for the rule to apply (e.g. an import)
 * @param keywords     literals one of which must occur in the code for the regex to run at all
 * @param allArguments whether "nonConstant"/"taint" look at every argument instead of the first
 */
public record PatternRule(String id, String message, Severity severity, List<Integer> cwe, Confidence confidence,
    Pattern pattern, Pattern argsMatch, Pattern argsNotMatch, String require, Pattern requires,
    String remediation, boolean allArguments, List<String> keywords) {

  /** The cheap prefilter: true when the code contains one of the rule's keywords (or it has none). */
  public boolean mayMatch(String code) {
    return keywords.isEmpty() || keywords.stream().anyMatch(code::contains);
  }
}
