package dev.bulwark.cli.init;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each CI example of {@code examples/ci} sets the values {@code bulwark init} can fill in
 * (gateway, bundle URL and SHA-256, the branch pull requests target), as data: a pattern that must
 * match exactly once, and the text that replaces it. Values given become defaults; the CI
 * system's own variables (repository, project or job settings) still win where the example reads
 * them. When an example no longer matches, init fails loudly instead of writing half a pipeline,
 * and the tests say which rule broke.
 */
final class CiSettings {
  /** The values init can set; a null leaves the example as it is. */
  record Values(String gateway, String cliUrl, String cliSha256, String defaultBranch) {}

  private record Rule(String variable, Pattern where, String replacement, UnaryOperator<String> quote) {}

  private static UnaryOperator<String> singleQuotedYaml() {
    return v -> v.replace("'", "''");
  }

  private static UnaryOperator<String> doubleQuotedYaml() {
    return v -> v.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static UnaryOperator<String> groovySingleQuoted() {
    return v -> v.replace("\\", "\\\\").replace("'", "\\'");
  }

  private static Rule githubVar(String name) {
    return new Rule(name, Pattern.compile(Pattern.quote("${{ vars." + name + " }}")),
        "\\${{ vars." + name + " || '%s' }}", singleQuotedYaml());
  }

  private static Rule gitlabVar(String name) { // a default in the job's variables; project CI/CD variables win
    return new Rule(name, Pattern.compile("(?m)^(\\s*)variables:\\n"), "$1variables:\n$1  " + name + ": \"%s\"\n",
        doubleQuotedYaml());
  }

  private static Rule jenkinsVar(String name) {
    return new Rule(name, Pattern.compile("(?m)^(\\s*" + name + " = )'[^'\\n]*'"), "$1'%s'", groovySingleQuoted());
  }

  private static final Map<CiSystem, List<Rule>> RULES = Map.of(
      CiSystem.GITHUB, List.of(githubVar("BULWARK_GATEWAY"), githubVar("BULWARK_CLI_URL"), githubVar("BULWARK_CLI_SHA256"),
          new Rule("branch", Pattern.compile(Pattern.quote("branches: [main]")), "branches: [%s]", v -> v),
          new Rule("branch", Pattern.compile(Pattern.quote("--baseline-branch main ")), "--baseline-branch %s ", v -> v)),
      CiSystem.GITLAB, List.of(
          new Rule("BULWARK_CLI_URL", Pattern.compile("(?m)^(\\s*BULWARK_CLI_URL: )\"\""), "$1\"%s\"", doubleQuotedYaml()),
          gitlabVar("BULWARK_GATEWAY"), gitlabVar("BULWARK_CLI_SHA256")), // the branch: $CI_DEFAULT_BRANCH already
      CiSystem.JENKINS, List.of(jenkinsVar("BULWARK_GATEWAY"), jenkinsVar("BULWARK_CLI_URL"),
          jenkinsVar("BULWARK_CLI_SHA256"), jenkinsVar("BASELINE")));

  private CiSettings() {}

  /** The example with every given value set; the example unchanged when none is given. */
  static String apply(CiSystem system, String example, Values values) {
    String text = example;
    for (Rule rule : RULES.get(system)) {
      String value = switch (rule.variable()) {
        case "BULWARK_GATEWAY" -> values.gateway();
        case "BULWARK_CLI_URL" -> values.cliUrl();
        case "BULWARK_CLI_SHA256" -> values.cliSha256();
        default -> values.defaultBranch() == null || values.defaultBranch().equals("main") ? null
            : values.defaultBranch();
      };
      if (value == null) {
        continue;
      }
      Matcher m = rule.where().matcher(text);
      if (!m.find() || m.find()) {
        throw new IllegalStateException("examples/" + system.template + " does not set " + rule.variable()
            + " where bulwark init expects it (" + rule.where() + ")");
      }
      String replacement = rule.replacement().replace("%s", Matcher.quoteReplacement(rule.quote().apply(value)));
      text = rule.where().matcher(text).replaceFirst(replacement);
    }
    return text;
  }
}
