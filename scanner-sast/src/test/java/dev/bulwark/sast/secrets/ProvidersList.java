package dev.bulwark.sast.secrets;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders {@code scanner-sast/SECRETS-PROVIDERS.md} from the rule files, so the list of providers
 * cannot drift from what the analyzer knows ({@link ProvidersListTest} fails when it is stale).
 */
public final class ProvidersList {
  public static final String FILE = "SECRETS-PROVIDERS.md";

  private ProvidersList() {}

  public static String render() throws IOException {
    var pack = SecretRulePack.builtIn();
    Map<String, SecretRule> byId = pack.rules().stream().collect(Collectors.toMap(SecretRule::id, Function.identity()));
    var providers = pack.rules().stream().filter(r -> !r.generic()).map(SecretRule::provider)
        .collect(Collectors.toCollection(TreeSet::new));
    long verified = pack.rules().stream().filter(r -> !r.verifier().isEmpty()).count();
    var md = new StringBuilder();
    md.append("# Secrets: providers and rules\n\n")
        .append("<!-- Generated from scanner-sast/src/main/resources/dev/bulwark/sast/rules/secrets/*.yaml by\n")
        .append("     ProvidersList; ProvidersListTest fails when this file is stale. Regenerate with\n")
        .append("     ./mvnw -pl scanner-sast -am verify -Dtest=ProvidersListTest -Dsecrets.providers.write=true\n")
        .append("     -Dsurefire.failIfNoSpecifiedTests=false -->\n\n")
        .append(String.format(Locale.ROOT, "%d rules for %d providers and credential kinds (rule pack %s %s);"
            + " %d rules can verify liveness (`bulwark scan --verify-secrets`).%n%n", pack.rules().size(),
            providers.size(), pack.name(), pack.version(), verified))
        .append("How a rule recognises a secret: **token** = the provider's own format (prefix, length, alphabet),\n")
        .append("found anywhere; **context** = a value of the provider's format assigned to a name that mentions\n")
        .append("the provider; **generic** = a random-looking value under a secret-sounding name. A checksum, when\n")
        .append("the format has one, raises or lowers the finding's confidence.\n");
    for (var family : SecretRulePack.builtInFamilies()) {
      md.append("\n## ").append(family.family()).append("\n\n")
          .append("| Provider | Rule | Credential | Recognised by | Severity | Liveness check |\n")
          .append("|---|---|---|---|---|---|\n");
      for (RuleYaml y : family.rules()) {
        SecretRule r = byId.get(y.id());
        String how = r.kind().name().toLowerCase(Locale.ROOT) + (r.checksum().isEmpty() ? "" : " + " + r.checksum()
            + " checksum");
        md.append("| ").append(cell(r.provider())).append(" | `").append(r.id()).append("` | ")
            .append(cell(r.title())).append(" | ").append(how).append(" | ").append(r.severity().name())
            .append(" | ").append(r.verifier().isEmpty() ? "" : r.verifier()).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
