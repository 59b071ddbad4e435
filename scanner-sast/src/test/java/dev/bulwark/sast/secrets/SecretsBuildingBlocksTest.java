package dev.bulwark.sast.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.secrets.precision.Entropy;
import dev.bulwark.sast.secrets.precision.Placeholders;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretsBuildingBlocksTest {

  @Test
  @DisplayName("the keyword automaton reports every occurrence, overlapping and case-insensitive")
  void automatonFindsOverlappingKeywords() {
    var automaton = new KeywordAutomaton(List.of("he", "she", "his", "hers", "AKIA"));
    var hits = new ArrayList<String>();
    automaton.scan("uSHErs akia", (k, end) -> hits.add(automaton.keywords().get(k) + "@" + end));
    assertThat(hits).containsExactlyInAnyOrder("she@4", "he@4", "hers@6", "akia@11");
  }

  @Test
  @DisplayName("entropy separates random keys from words and repeated characters")
  void entropy() {
    assertThat(Entropy.shannon("aaaaaaaa")).isZero();
    assertThat(Entropy.shannon("abcd")).isEqualTo(2.0);
    assertThat(Entropy.shannon("hk5rlkKeyzZsggCFDWHsjCTJbryqzvr5ou11tf0b")).isGreaterThan(4.0);
    assertThat(Entropy.shannon("password")).isLessThan(3.0);
  }

  @Test
  @DisplayName("placeholders, examples and references are not secrets")
  void placeholders() {
    assertThat(List.of("changeme", "${DB_PASSWORD}", "<your-token>", "{{ .Values.pw }}", "xxxxxxxx",
        "AKIAIOSFODNN7EXAMPLE", "%(pw)s", "$SECRET", "process.env.TOKEN")).allMatch(Placeholders::isPlaceholder);
    assertThat(List.of("Sh0pAdm1n!2024", "hk5rlkKeyzZsggCFDWHsjCTJbryqzvr5ou11tf0b"))
        .noneMatch(Placeholders::isPlaceholder);
  }

  @Test
  @DisplayName("a secret on a megabyte-long line is found without scanning the whole line per keyword")
  void longLinesAreSearchedNearKeywords() throws Exception {
    String blob = "A".repeat(1_000_000);
    String key = "ghp_" + "Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9mN0pQ1";
    String text = "var x='" + blob + "';var token='" + key + "';var y='" + blob + "';";
    var found = new java.util.ArrayList<dev.bulwark.v1.Finding>();
    SecretsAnalyzer.builtIn().analyze(dev.bulwark.sast.core.SourceFile.of("app.min.jsx", text),
        dev.bulwark.sast.core.Project.EMPTY, found::add);
    assertThat(found).extracting(f -> f.getRuleId()).contains("secret.github-pat");
  }

  @Test
  @DisplayName("redaction keeps at most four leading characters of long secrets and none of short ones")
  void redaction() {
    assertThat(Redactor.redact("k=ghp_abcdefghijklmnopqrstuvwxyz", "ghp_abcdefghijklmnopqrstuvwxyz"))
        .isEqualTo("k=ghp_" + Redactor.MASK);
    assertThat(Redactor.redact("pw=hunter22", "hunter22")).isEqualTo("pw=" + Redactor.MASK);
  }
}
