package dev.bulwark.sast.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What issue 15 reported on a deliberately vulnerable Node application: TOTP seeds in its tests,
 * base64 test passwords and an Ethereum contract address came out as HIGH generic secrets that
 * failed the default gate. The files under {@code secrets/node-app/} reproduce those shapes.
 */
class NodeAppLookalikesTest {
  private static final SecretsAnalyzer ANALYZER = SecretsAnalyzer.builtIn();

  private static List<Finding> scan(String path) throws IOException {
    String text;
    try (InputStream in = NodeAppLookalikesTest.class.getResourceAsStream("/secrets/node-app/" + path)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var out = new ArrayList<Finding>();
    ANALYZER.analyze(SourceFile.of(path, text), Project.EMPTY, out::add);
    return out;
  }

  @Test
  @DisplayName("TOTP seeds in test files are reported, but as LOW generic matches that say why")
  void totpSeedsInTestsAreLow() throws Exception {
    var found = scan("test/api/2faSpec.ts");
    assertThat(found).isNotEmpty().allSatisfy(f -> {
      assertThat(f.getRuleId()).startsWith("secret.generic");
      assertThat(f.getSeverity()).isEqualTo(Severity.LOW);
      assertThat(f.getConfidence()).isEqualTo(Confidence.CONFIDENCE_LOW);
      assertThat(f.getDescription()).contains("in a test file").contains("the default policy does not fail");
    });
  }

  @Test
  @DisplayName("base64 test passwords that decode to weak words are not reported at all")
  void base64TestPasswords() throws Exception {
    assertThat(scan("test/server/userApiSpec.ts")).isEmpty();
  }

  @Test
  @DisplayName("an Ethereum contract address is public, not a secret, wherever it is")
  void ethereumAddress() throws Exception {
    assertThat(scan("lib/web3.ts")).isEmpty();
    assertThat(scan("frontend/src/environments/environment.ts")).isEmpty();
  }

  @Test
  @DisplayName("a provider token in a test file is still reported, at MEDIUM confidence, with its own rule")
  void providerTokenInTestStillCounts() {
    String token = "ghp_" + "Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9" + "3rFTDz";
    var out = new ArrayList<Finding>();
    ANALYZER.analyze(SourceFile.of("test/api/ciSpec.ts", "const token = '" + token + "'\n"), Project.EMPTY, out::add);
    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.getRuleId()).isEqualTo("secret.github-pat");
      assertThat(f.getConfidence()).isEqualTo(Confidence.CONFIDENCE_MEDIUM);
      assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.getDescription()).contains("checksum is valid").contains("in a test file: confidence lowered");
    });
  }
}
