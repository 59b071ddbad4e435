package dev.bulwark.sast.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProvidersListTest {
  @Test
  @DisplayName("SECRETS-PROVIDERS.md is what the rule files say (regenerate with -Dsecrets.providers.write=true)")
  void providersListIsCurrent() throws Exception {
    Path file = Path.of(ProvidersList.FILE); // surefire runs in the module folder
    String expected = ProvidersList.render();
    if (Boolean.getBoolean("secrets.providers.write")) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(file)).as(file.toAbsolutePath() + " exists").isTrue();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("scanner-sast/SECRETS-PROVIDERS.md is stale: rerun ProvidersListTest with -Dsecrets.providers.write=true")
        .isEqualTo(expected);
    assertThat(expected).contains("| GitHub | `secret.github-pat` |").contains("crc32-base62 checksum");
  }
}
