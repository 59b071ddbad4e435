package dev.bulwark.sast.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.sast.core.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the secret rule pack's parsed YAML, kept between runs")
class RulePackCacheTest {
  static final String INDEX = "/dev/bulwark/sast/rules/secrets.yaml";

  @TempDir
  Path tmp;

  @Test
  @DisplayName("read back from the cache, the built-in pack has exactly the rules of its YAML")
  void sameRulesAsTheYaml() throws IOException {
    var yaml = SecretRulePack.builtIn();
    var first = SecretRulePack.builtIn(tmp); // a miss: parsed, then kept
    assertThat(cacheFiles()).hasSize(1);
    var second = SecretRulePack.builtIn(tmp); // a hit
    for (var pack : List.of(first, second)) {
      assertThat(pack.name()).isEqualTo(yaml.name());
      assertThat(pack.version()).isEqualTo(yaml.version());
      assertThat(pack.hash()).isEqualTo(yaml.hash());
      assertThat(pack.rules()).isEqualTo(yaml.rules()); // every field, regexes by source
    }
    assertThat(new RulePackCache(tmp, "secrets").read(Files.readAllBytes(resource(INDEX)), f -> "x")).isEmpty();
  }

  @Test
  @DisplayName("a pack read back from the cache finds the same secrets as the YAML's")
  void sameFindings() {
    SecretRulePack.builtIn(tmp);
    var text = "aws_access_key_id = AKIAQWERTYUIOPASDFGH\n"
        + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzxQWERTYKEY\n"
        + "GITHUB_TOKEN=ghp_" + "x8K2mQ9vL4nR7tY1wE5uI3oP6aS0dF8gH2jK" + "\n";
    var file = SourceFile.of("deploy/.env", text);
    var fromYaml = new ArrayList<String>();
    new SecretsAnalyzer(SecretRulePack.builtIn()).matches(file, m -> fromYaml.add(m.toString()));
    var fromCache = new ArrayList<String>();
    new SecretsAnalyzer(SecretRulePack.builtIn(tmp)).matches(file, m -> fromCache.add(m.toString()));
    assertThat(fromYaml).hasSizeGreaterThanOrEqualTo(2);
    assertThat(fromCache).isEqualTo(fromYaml);
  }

  @Test
  @DisplayName("an edited rule file is a miss: the pack is parsed again and the cache replaced")
  void editedFamilyIsAMiss() throws IOException {
    var families = familyFiles();
    var before = SecretRulePack.load(INDEX, families::get, tmp);
    String first = before.rules().get(0).id();
    var edited = new java.util.HashMap<>(families);
    String file = edited.keySet().stream().filter(f -> new String(families.get(f), StandardCharsets.UTF_8)
        .contains("id: " + first)).findFirst().orElseThrow();
    edited.put(file, new String(families.get(file), StandardCharsets.UTF_8)
        .replace("id: " + first, "id: " + first + "-edited").getBytes(StandardCharsets.UTF_8));
    var after = SecretRulePack.load(INDEX, edited::get, tmp);
    assertThat(after.rules().stream().map(SecretRule::id)).contains(first + "-edited").doesNotContain(first);
    assertThat(after.hash()).isNotEqualTo(before.hash());
    assertThat(cacheFiles()).hasSize(1);
    assertThat(SecretRulePack.load(INDEX, edited::get, tmp).rules()).isEqualTo(after.rules());
  }

  @Test
  @DisplayName("a damaged cache file is a miss, never a failure, and is replaced")
  void damagedCacheIsAMiss() throws IOException {
    var yaml = SecretRulePack.builtIn();
    SecretRulePack.builtIn(tmp);
    Path file = cacheFiles().get(0);
    byte[] good = Files.readAllBytes(file);
    for (byte[] bad : List.of(new byte[0], "garbage".getBytes(StandardCharsets.UTF_8),
        java.util.Arrays.copyOf(good, good.length / 2), flipped(good, good.length / 3))) {
      Files.write(file, bad);
      assertThat(SecretRulePack.builtIn(tmp).rules()).isEqualTo(yaml.rules());
      assertThat(Files.readAllBytes(cacheFiles().get(0))).isEqualTo(good);
    }
  }

  @Test
  @DisplayName("a cache folder that cannot be written is no cache: the pack still loads")
  void unwritableCache() throws IOException {
    Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
    assertThat(SecretRulePack.builtIn(notAFolder).rules()).isEqualTo(SecretRulePack.builtIn().rules());
  }

  @Test
  @DisplayName("a broken regex is an error naming the rule when the pack is parsed, and never reaches the cache")
  void brokenRegexIsAnError() throws IOException {
    var families = new java.util.HashMap<>(familyFiles());
    String file = families.keySet().iterator().next();
    String text = new String(families.get(file), StandardCharsets.UTF_8);
    int at = text.indexOf("token: '") + "token: '".length();
    families.put(file, (text.substring(0, at) + "([" + text.substring(at)).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> SecretRulePack.load(INDEX, families::get, tmp))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad regex");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  @DisplayName("the cache key follows the shape of the rule records")
  void schemaNamesEveryField() {
    String schema = dev.bulwark.sast.core.RecordCodec.schema(RulePackCache.Entry.class);
    for (var c : RuleYaml.class.getRecordComponents()) {
      assertThat(schema).contains(c.getName() + ":");
    }
  }

  List<Path> cacheFiles() throws IOException {
    if (!Files.isDirectory(tmp)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".bin")).toList();
    }
  }

  static Map<String, byte[]> familyFiles() throws IOException {
    var out = new java.util.HashMap<String, byte[]>();
    for (String f : List.of("ai.yaml", "cloud.yaml", "devops.yaml", "generic.yaml", "keys.yaml", "messaging.yaml",
        "observability.yaml", "payments.yaml", "saas.yaml", "social.yaml", "vcs.yaml")) {
      out.put(f, Files.readAllBytes(resource(SecretRulePack.FAMILY_DIR + f)));
    }
    return out;
  }

  static Path resource(String name) {
    try {
      return Path.of(RulePackCacheTest.class.getResource(name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] flipped(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x5a;
    return copy;
  }
}
