package dev.bulwark.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("k8s: the scanners, which read untrusted content, may only reach DNS, the gateway, the object store (and public HTTPS where they must)")
class NetworkPolicyManifestsTest {
  static final List<String> SCANNERS = List.of("scanner-sast", "scanner-sca", "scanner-container");
  static Manifests base;

  @BeforeAll
  static void render() throws Exception {
    assumeTrue("true".equals(System.getenv("CI")) || Manifests.kubectlAvailable(), "kubectl is not installed");
    base = Manifests.render("base");
  }

  /** The names of the pods a policy's podSelector (matchLabels or an In expression) selects. */
  static List<String> selected(JsonNode policy) {
    JsonNode selector = policy.path("spec").path("podSelector");
    var names = new ArrayList<String>();
    if (selector.path("matchLabels").has("app.kubernetes.io/name")) {
      names.add(selector.path("matchLabels").path("app.kubernetes.io/name").asText());
    }
    for (JsonNode e : selector.path("matchExpressions")) {
      assertThat(e.path("operator").asText()).isEqualTo("In");
      e.path("values").forEach(v -> names.add(v.asText()));
    }
    return names;
  }

  static List<JsonNode> egressPolicies(Manifests m) {
    return m.ofKind("NetworkPolicy").stream()
        .filter(p -> p.path("spec").path("policyTypes").toString().contains("Egress")).toList();
  }

  static List<Integer> ports(JsonNode rule) {
    var out = new ArrayList<Integer>();
    rule.path("ports").forEach(p -> out.add(p.path("port").asInt()));
    return out;
  }

  @Test
  void everyScannerIsUnderAnEgressPolicy() {
    var covered = egressPolicies(base).stream().flatMap(p -> selected(p).stream()).toList();
    assertThat(covered).containsAll(SCANNERS).doesNotContain("gateway", "gate-service");
  }

  @Test
  void noScannerEgressRuleIsOpenToEverywhereOrEveryPort() {
    for (JsonNode policy : egressPolicies(base)) {
      for (JsonNode rule : policy.path("spec").path("egress")) {
        assertThat(rule.path("to").size()).as("a rule without 'to' allows every destination: %s", rule).isPositive();
        assertThat(rule.path("ports").size()).as("a rule without 'ports' allows every port: %s", rule).isPositive();
      }
    }
  }

  @Test
  @DisplayName("only scanner-sca reaches beyond the cluster in the base: HTTPS to public addresses, for Maven repositories")
  void onlyScannerScaReachesPublicHttpsForMavenRepositories() {
    var outward = publicHttps(base);
    assertThat(outward).hasSize(1);
    assertThat(selected(outward.get(0))).containsExactly("scanner-sca");
  }

  /** Policies with address ranges; each must be HTTPS only and exclude private, link-local and loopback ranges. */
  static List<JsonNode> publicHttps(Manifests m) {
    var out = m.ofKind("NetworkPolicy").stream()
        .filter(p -> p.path("spec").path("egress").toString().contains("ipBlock")).toList();
    for (JsonNode policy : out) {
      for (JsonNode rule : policy.path("spec").path("egress")) {
        assertThat(ports(rule)).containsExactly(443);
        assertThat(rule.path("to").toString()).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16", "127.0.0.0/8", "fc00::/7", "fe80::/10");
      }
    }
    return out;
  }

  @Test
  @DisplayName("the allowed ports are the ones the scanners' configuration uses: DNS, the gateway's content store, the bucket")
  void theAllowedDestinationsAgreeWithTheConfiguration() {
    JsonNode env = base.named("ConfigMap", "bulwark-env").path("data");
    int contentStorePort = URI.create(env.path("BULWARK_CONTENT_STORE").asText().replace("dns:///", "grpc://")).getPort();
    URI bucket = URI.create(env.path("BULWARK_S3_ENDPOINT").asText());
    String bucketNamespace = bucket.getHost().split("\\.")[1];

    var rules = new ArrayList<JsonNode>();
    egressPolicies(base).stream().filter(p -> !publicHttps(base).contains(p))
        .forEach(p -> p.path("spec").path("egress").forEach(rules::add));
    assertThat(rules).anySatisfy(r -> {
      assertThat(r.path("to").get(0).path("podSelector").path("matchLabels").path("k8s-app").asText())
          .isEqualTo("kube-dns");
      assertThat(ports(r)).containsOnly(53);
    });
    assertThat(rules).anySatisfy(r -> {
      assertThat(r.path("to").get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
          .isEqualTo("gateway");
      assertThat(ports(r)).containsExactly(contentStorePort);
    });
    assertThat(rules).anySatisfy(r -> {
      assertThat(r.path("to").get(0).path("namespaceSelector").path("matchLabels")
          .path("kubernetes.io/metadata.name").asText()).isEqualTo(bucketNamespace);
      assertThat(ports(r)).containsExactly(bucket.getPort());
    });
    assertThat(rules).hasSize(3);
  }

  @Test
  @DisplayName("the secret-verification overlay turns verification on and opens HTTPS to public addresses for scanner-sast only")
  void secretVerificationOpensPublicHttpsForScannerSastOnly() throws Exception {
    Manifests overlay = Manifests.render("overlays/secret-verification");
    assertThat(overlay.named("ConfigMap", "bulwark-env").path("data").path("BULWARK_SECRET_VERIFICATION").asText())
        .isEqualTo("true");
    var opened = publicHttps(overlay).stream().flatMap(p -> selected(p).stream()).toList();
    assertThat(opened).containsExactlyInAnyOrder("scanner-sca", "scanner-sast");
    assertThat(overlay.named("NetworkPolicy", "scanner-sast-secret-verification").path("metadata").path("namespace")
        .asText()).isEqualTo("bulwark");
    // Everything else of the example installation is unchanged.
    assertThat(overlay.ofKind("Deployment")).hasSize(5);
    assertThat(egressPolicies(overlay)).hasSize(egressPolicies(base).size() + 1);
  }
}
