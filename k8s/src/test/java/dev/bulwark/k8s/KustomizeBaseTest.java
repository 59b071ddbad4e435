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

@DisplayName("k8s/base renders to a hardened, consistent deployment of the five services")
class KustomizeBaseTest {
  static final Map<String, Integer> GRPC_PORTS = Map.of("gateway", 7070, "scanner-sast", 7071,
      "scanner-sca", 7072, "scanner-container", 7073, "gate-service", 7074);
  static Manifests base;

  @BeforeAll
  static void render() throws Exception {
    boolean required = "true".equals(System.getenv("CI"));
    assumeTrue(required || Manifests.kubectlAvailable(), "kubectl is not installed");
    base = Manifests.render("base");
  }

  @Test
  void rendersOneDeploymentAndOneHeadlessServicePerService() {
    assertThat(base.ofKind("Deployment")).extracting(d -> d.path("metadata").path("name").asText())
        .containsExactlyInAnyOrderElementsOf(GRPC_PORTS.keySet());
    for (var e : GRPC_PORTS.entrySet()) {
      JsonNode service = base.named("Service", e.getKey());
      assertThat(service.path("spec").path("clusterIP").asText()).as(e.getKey()).isEqualTo("None");
      assertThat(service.path("spec").path("selector").path("app.kubernetes.io/name").asText()).isEqualTo(e.getKey());
      assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(e.getValue());
    }
  }

  @ParameterizedTest(name = "{0} runs non-root, read-only, without capabilities, probed on its admin health check")
  @ValueSource(strings = {"gateway", "scanner-sast", "scanner-sca", "scanner-container", "gate-service"})
  void podsAreHardened(String name) {
    JsonNode pod = base.named("Deployment", name).path("spec").path("template").path("spec");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
    assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    JsonNode c = pod.path("containers").get(0);
    assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(c.path("securityContext").path("capabilities").path("drop").toString()).contains("ALL");
    assertThat(c.path("resources").path("limits").has("memory")).isTrue();
    assertThat(c.path("resources").path("limits").has("cpu")).isTrue();
    // gRPC probes cannot speak TLS, and every gRPC port is mutual TLS: Dropwizard's health check instead.
    for (String probe : new String[] {"readinessProbe", "livenessProbe", "startupProbe"}) {
      assertThat(c.path(probe).path("httpGet").path("path").asText()).as(probe).isEqualTo("/healthcheck");
      assertThat(c.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("admin");
    }
  }

  @ParameterizedTest(name = "{0} mounts its certificate Secret read-only where its config reads TLS from")
  @ValueSource(strings = {"gateway", "scanner-sast", "scanner-sca", "scanner-container", "gate-service"})
  void everyServiceRequiresMutualTlsAndAuthentication(String name) throws Exception {
    JsonNode pod = base.named("Deployment", name).path("spec").path("template").path("spec");
    assertThat(pod.path("volumes").toString()).contains("\"secretName\":\"" + name + "-tls\"");
    assertThat(pod.path("containers").get(0).path("volumeMounts").toString())
        .contains("\"mountPath\":\"/etc/bulwark/tls\"").contains("\"readOnly\":true");
    JsonNode config = renderedConfig(name);
    assertThat(config.path("grpc").path("tls").path("cert").asText()).isEqualTo("/etc/bulwark/tls/tls.crt");
    assertThat(config.path("grpc").path("tls").path("key").asText()).isEqualTo("/etc/bulwark/tls/tls.key");
    assertThat(config.path("grpc").path("tls").path("ca").asText()).isEqualTo("/etc/bulwark/tls/ca.crt");
    assertThat(config.path("grpc").path("auth").asText()).isEqualTo("true");
    assertThat(config.path("grpc").path("insecure").asText()).isEqualTo("false");
  }

  /** The service's own config.yml with the manifests' environment substituted. */
  static JsonNode renderedConfig(String name) throws Exception {
    Map<String, String> env = new HashMap<>();
    base.named("ConfigMap", "bulwark-env").path("data").fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    String yaml = Files.readString(SharedFixtures.repoRoot().resolve(name).resolve("config.yml"));
    var substitutor = new StringSubstitutor(env);
    substitutor.setEnableSubstitutionInVariables(true);
    return new ObjectMapper(new YAMLFactory()).readTree(substitutor.replace(yaml));
  }

  @Test
  @DisplayName("the example overlay issues each service a certificate named as the access rules know it")
  void theExampleOverlayIssuesEveryServiceItsCertificate() throws Exception {
    Manifests example = Manifests.render("overlays/example");
    Map<String, String> names = Map.of("gateway", "gateway", "scanner-sast", "scanner-sast", "scanner-sca",
        "scanner-sca", "scanner-container", "scanner-container", "gate-service", "gate");
    for (var e : names.entrySet()) {
      JsonNode cert = example.named("Certificate", e.getKey()).path("spec");
      assertThat(cert.path("secretName").asText()).isEqualTo(e.getKey() + "-tls");
      assertThat(cert.path("commonName").asText()).isEqualTo(e.getValue());
      assertThat(cert.path("usages").toString()).contains("server auth").contains("client auth");
      assertThat(cert.path("issuerRef").path("name").asText()).isEqualTo("bulwark-ca");
    }
    assertThat(example.named("Certificate", "bulwark-ca").path("spec").path("isCA").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}'s own config.yml, fed the manifests' environment, listens where its Service points")
  @ValueSource(strings = {"gateway", "scanner-sast", "scanner-sca", "scanner-container", "gate-service"})
  void serviceConfigurationAgreesWithTheManifests(String name) throws Exception {
    Map<String, String> env = new HashMap<>();
    base.named("ConfigMap", "bulwark-env").path("data").fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    String yaml = Files.readString(SharedFixtures.repoRoot().resolve(name).resolve("config.yml"));
    var substitutor = new StringSubstitutor(env);
    substitutor.setEnableSubstitutionInVariables(true);
    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(substitutor.replace(yaml));
    assertThat(config.path("grpc").path("port").asInt()).isEqualTo(GRPC_PORTS.get(name));
    JsonNode container = base.named("Deployment", name).path("spec").path("template").path("spec")
        .path("containers").get(0);
    assertThat(container.path("ports").toString()).contains("\"containerPort\":" + GRPC_PORTS.get(name));
    assertThat(container.path("ports").toString()).contains("\"containerPort\":"
        + config.path("server").path("adminConnectors").get(0).path("port").asInt());
  }

  @Test
  void theGatewayReachesEachScannerAndTheGateThroughTheirHeadlessServices() {
    JsonNode env = base.named("ConfigMap", "bulwark-env").path("data");
    assertThat(env.path("BULWARK_SCANNER_SAST").asText()).isEqualTo("dns:///scanner-sast:7071");
    assertThat(env.path("BULWARK_SCANNER_SCA").asText()).isEqualTo("dns:///scanner-sca:7072");
    assertThat(env.path("BULWARK_SCANNER_CONTAINER").asText()).isEqualTo("dns:///scanner-container:7073");
    assertThat(env.path("BULWARK_GATE").asText()).isEqualTo("dns:///gate-service:7074");
  }

  @Test
  void theGateReadsDatabaseCredentialsFromASecret() {
    JsonNode c = base.named("Deployment", "gate-service").path("spec").path("template").path("spec")
        .path("containers").get(0);
    assertThat(c.path("env").toString()).contains("bulwark-postgres").contains("BULWARK_DB_PASSWORD");
  }

  @Test
  void theExampleOverlayRendersIntoItsNamespaceWithTheSecret() throws Exception {
    Manifests example = Manifests.render("overlays/example");
    assertThat(example.ofKind("Deployment")).hasSize(5)
        .allSatisfy(d -> assertThat(d.path("metadata").path("namespace").asText()).isEqualTo("bulwark"));
    assertThat(example.named("Secret", "bulwark-postgres")).isNotNull();
    assertThat(example.named("Namespace", "bulwark").path("metadata").path("labels")
        .path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("restricted");
  }
  @ParameterizedTest(name = "{0} imports the shared OSV exports, mounted read-only")
  @ValueSource(strings = {"scanner-sca", "scanner-container"})
  void scannersReadTheSharedAdvisories(String name) {
    JsonNode pod = base.named("Deployment", name).path("spec").path("template").path("spec");
    JsonNode mount = null;
    for (JsonNode m : pod.path("containers").get(0).path("volumeMounts")) {
      if (m.path("name").asText().equals("advisories")) {
        mount = m;
      }
    }
    assertThat(mount).as("advisories mount").isNotNull();
    assertThat(mount.path("readOnly").asBoolean()).isTrue();
    String dir = base.named("ConfigMap", "bulwark-env").path("data").path("BULWARK_ADVISORIES").asText();
    assertThat(dir).isEqualTo(mount.path("mountPath").asText());
    assertThat(pod.path("volumes").toString()).contains("\"claimName\":\"bulwark-advisories\"");
  }

  @Test
  void theAdvisorySyncJobFillsTheSharedVolumeAndIsHardened() {
    JsonNode job = base.named("CronJob", "advisories-sync");
    JsonNode pod = job.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    JsonNode c = pod.path("containers").get(0);
    assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(c.path("volumeMounts").get(0).path("mountPath").asText()).isEqualTo("/advisories");
    assertThat(c.path("args").get(0).asText()).contains("$OSV_BASE/$eco/all.zip").contains("mv -f");
    assertThat(base.named("PersistentVolumeClaim", "bulwark-advisories").path("spec").path("accessModes").toString())
        .contains("ReadWriteMany");
  }
}
