package dev.bulwark.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.common.testing.SharedFixtures;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("k8s: shared state (bucket, database), connection recycling and queue-based scaling")
class SharedStateManifestsTest {
  static Manifests base;

  @BeforeAll
  static void render() throws Exception {
    assumeTrue("true".equals(System.getenv("CI")) || Manifests.kubectlAvailable(), "kubectl is not installed");
    base = Manifests.render("base");
  }

  static JsonNode container(Manifests m, String name) {
    return m.named("Deployment", name).path("spec").path("template").path("spec").path("containers").get(0);
  }

  static JsonNode config(String module) throws Exception {
    Map<String, String> env = new HashMap<>();
    base.named("ConfigMap", "bulwark-env").path("data").fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    var substitutor = new StringSubstitutor(env);
    substitutor.setEnableSubstitutionInVariables(true);
    String yaml = Files.readString(SharedFixtures.repoRoot().resolve(module).resolve("config.yml"));
    return new ObjectMapper(new YAMLFactory()).readTree(substitutor.replace(yaml));
  }

  @ParameterizedTest(name = "{0} reads the shared bucket with credentials from the optional bulwark-s3 Secret")
  @ValueSource(strings = {"gateway", "scanner-sast", "scanner-sca", "scanner-container"})
  void everyBlobReaderUsesTheSharedBucket(String name) throws Exception {
    var env = container(base, name).path("env").toString();
    assertThat(env).contains("AWS_ACCESS_KEY_ID").contains("AWS_SECRET_ACCESS_KEY").contains("bulwark-s3")
        .contains("\"optional\":true");
    JsonNode store = name.equals("gateway") ? config(name).path("contentStore") : config(name).path("sharedStore");
    assertThat(store.path("type").asText()).isEqualTo("s3");
    assertThat(store.path("bucket").asText()).isEqualTo("bulwark-cas");
    assertThat(store.path("endpoint").asText()).startsWith("http");
    assertThat(store.path("pathStyle").asText()).isEqualTo("true");
  }

  @Test
  void theGatewayKeepsScansInTheSharedDatabaseWithCredentialsFromTheSecret() throws Exception {
    assertThat(container(base, "gateway").path("env").toString()).contains("BULWARK_GATEWAY_DB_PASSWORD")
        .contains("bulwark-postgres");
    var gateway = config("gateway");
    assertThat(gateway.path("database").path("url").asText()).startsWith("jdbc:postgresql://");
    assertThat(gateway.path("advertiseAddress").asText()).isEqualTo("dns:///gateway:7070");
    assertThat(gateway.path("lease").asText()).isEqualTo("20 seconds");
  }

  @ParameterizedTest(name = "{0} recycles client connections so new replicas get traffic")
  @ValueSource(strings = {"gateway", "scanner-sast", "scanner-sca", "scanner-container"})
  void serversHaveAMaxConnectionAge(String name) throws Exception {
    var grpc = config(name).path("grpc");
    assertThat(grpc.path("maxConnectionAge").asText()).matches("\\d+ minutes");
    assertThat(grpc.path("maxConnectionAgeGrace").asText()).isNotBlank();
  }

  @Test
  void theExampleOverlayShipsTheBucketSecret() throws Exception {
    var example = Manifests.render("overlays/example");
    assertThat(example.named("Secret", "bulwark-s3").path("data").has("access-key-id")).isTrue();
  }

  @ParameterizedTest(name = "KEDA scales {0} on the cluster-wide pending gauge, and no CPU HPA competes")
  @ValueSource(strings = {"sast", "sca", "container"})
  void kedaScalesEachScannerOnItsQueue(String scanner) throws Exception {
    var keda = Manifests.render("overlays/keda");
    JsonNode scaled = keda.named("ScaledObject", "scanner-" + scanner);
    assertThat(scaled.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo("scanner-" + scanner);
    JsonNode trigger = scaled.path("spec").path("triggers").get(0);
    assertThat(trigger.path("type").asText()).isEqualTo("metrics-api");
    assertThat(trigger.path("metadata").path("valueLocation").asText())
        .isEqualTo("gauges.bulwark\\.cluster\\.scanner\\." + scanner + "\\.pending.value");
    assertThat(trigger.path("metadata").path("url").asText()).endsWith(":9070/metrics");
    assertThat(keda.ofKind("HorizontalPodAutoscaler")).isEmpty();
    assertThat(keda.ofKind("Deployment")).hasSize(5);
  }
}
