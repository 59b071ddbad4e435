package dev.bulwark.container.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.container.TestResources;
import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.container.check.ConfigParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesChecksTest {
  private static final String SECURE = TestResources.text("kubernetes/secure-deployment.yaml");
  private final KubernetesAnalyzer analyzer = new KubernetesAnalyzer();

  /** Each positive input is the secure deployment with one edit ('|' stands for a new line). */
  @ParameterizedTest(name = "{0}: ''{1}'' → ''{2}''")
  @CsvSource(delimiter = ';', value = {
      "KSV-0001; allowPrivilegeEscalation: false; allowPrivilegeEscalation: true; allowPrivilegeEscalation: true",
      "KSV-0003; drop: [\"ALL\"]; drop: [\"NET_RAW\"]; capabilities:",
      "KSV-0005; drop: [\"ALL\"]; drop: [\"ALL\"]|              add: [\"SYS_ADMIN\"]; add: [\"SYS_ADMIN\"]",
      "KSV-0006; replicas: 2; replicas: 2; path: /var/run/docker.sock",
      "KSV-0008; seccompProfile:; seccompProfile:; hostIPC: true",
      "KSV-0009; seccompProfile:; seccompProfile:; hostNetwork: true",
      "KSV-0010; seccompProfile:; seccompProfile:; hostPID: true",
      "KSV-0011; limits: {cpu: \"1\", memory: 256Mi}; limits: {memory: 256Mi}; resources:",
      "KSV-0012; runAsNonRoot: true; runAsNonRoot: false; runAsNonRoot: false",
      "KSV-0013; api:1.4.2; api:latest; image:",
      "KSV-0014; readOnlyRootFilesystem: true; readOnlyRootFilesystem: false; readOnlyRootFilesystem: false",
      "KSV-0015; requests: {cpu: 100m, memory: 128Mi}; requests: {memory: 128Mi}; resources:",
      "KSV-0016; requests: {cpu: 100m, memory: 128Mi}; requests: {cpu: 100m}; resources:",
      "KSV-0017; readOnlyRootFilesystem: true; readOnlyRootFilesystem: true|            privileged: true; privileged: true",
      "KSV-0018; limits: {cpu: \"1\", memory: 256Mi}; limits: {cpu: \"1\"}; resources:",
      "KSV-0020; runAsUser: 10001; runAsUser: 1000; runAsUser: 1000",
      "KSV-0022; drop: [\"ALL\"]; drop: [\"ALL\"]|              add: [\"NET_ADMIN\"]; add: [\"NET_ADMIN\"]",
      "KSV-0023; replicas: 2; replicas: 2; hostPath:",
      "KSV-0024; containerPort: 8080; containerPort: 8080|              hostPort: 8080; hostPort: 8080",
      "KSV-0030; type: RuntimeDefault; type: Localhos; seccompProfile:",
      "KSV-0104; type: RuntimeDefault; type: Unconfined; seccompProfile:",
      "KSV-0105; runAsUser: 10001; runAsUser: 0; runAsUser: 0",
      "KSV-0118; name: api; name: api; - name: api",
  })
  void checkFiresAtTheLineOfTheOffendingKey(String id, String from, String to, String lineContains) throws Exception {
    String yaml = SECURE.replace(from, to.replace("|", "\n"));
    yaml = switch (id) {
      case "KSV-0006", "KSV-0023" -> yaml + "      volumes:\n        - name: sock\n          hostPath:\n"
          + "            path: /var/run/docker.sock\n";
      case "KSV-0008" -> yaml.replace("      securityContext:\n        runAsNonRoot", "      hostIPC: true\n      securityContext:\n        runAsNonRoot");
      case "KSV-0009" -> yaml.replace("      securityContext:\n        runAsNonRoot", "      hostNetwork: true\n      securityContext:\n        runAsNonRoot");
      case "KSV-0010" -> yaml.replace("      securityContext:\n        runAsNonRoot", "      hostPID: true\n      securityContext:\n        runAsNonRoot");
      case "KSV-0118" -> yaml.substring(0, yaml.lastIndexOf("          securityContext:"));
      default -> yaml;
    };
    assertThat(yaml).isNotEqualTo(SECURE);
    List<String> lines = yaml.lines().toList();
    var hits = analyzer.analyze("deploy.yaml", yaml).stream().filter(h -> h.check().id().equals(id)).toList();
    assertThat(hits).as("hits of %s in%n%s", id, yaml).isNotEmpty();
    assertThat(hits).allSatisfy(h -> {
      assertThat(lines.get(h.line() - 1)).contains(lineContains);
      assertThat(h.snippet()).isEqualTo(lines.get(h.line() - 1).strip());
    });
  }

  @Test
  void secureDeploymentPassesEveryCheck() throws Exception {
    assertThat(analyzer.analyze("deploy.yaml", SECURE)).isEmpty();
  }

  @Test
  void multiDocumentFilesReportLinesOfTheOriginalFileIncludingInitContainers() throws Exception {
    String yaml = TestResources.text("kubernetes/multi-doc-cronjob.yaml");
    var hits = analyzer.analyze("jobs.yaml", yaml);
    assertThat(hits).filteredOn(h -> h.check().id().equals("KSV-0017"))
        .singleElement().satisfies(h -> {
          assertThat(h.line()).isEqualTo(25);
          assertThat(h.message()).contains("Init container 'prepare' of CronJob 'backup'");
        });
    assertThat(hits).filteredOn(h -> h.check().id().equals("KSV-0010")).extracting(CheckSpec.Hit::line).containsExactly(20);
    assertThat(hits).filteredOn(h -> h.check().id().equals("KSV-0013")).extracting(CheckSpec.Hit::line).containsExactly(23);
    assertThat(hits).filteredOn(h -> h.check().id().equals("KSV-0008")).extracting(CheckSpec.Hit::line).containsExactly(38);
  }

  @Test
  void yamlThatIsNotKubernetesIsIgnored() throws Exception {
    assertThat(analyzer.analyze("ci.yaml", TestResources.text("kubernetes/not-kubernetes.yaml"))).isEmpty();
  }

  @Test
  void brokenYamlIsReportedAsAParseError() {
    assertThatThrownBy(() -> analyzer.analyze("broken.yaml", TestResources.text("kubernetes/broken.yaml")))
        .isInstanceOf(ConfigParseException.class).hasMessageContaining("invalid YAML");
  }

  @Test
  void everyCheckHasCompleteDocumentationAndAUniqueId() {
    assertThat(analyzer.checks()).extracting(CheckSpec::id).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(22);
    assertThat(analyzer.checks()).allSatisfy(c -> assertThat(List.of(c.title(), c.description(), c.remediation()))
        .allSatisfy(s -> assertThat(s).isNotBlank()));
  }
}
