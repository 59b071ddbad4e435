package dev.bulwark.container.kubernetes;

import dev.bulwark.container.check.CheckFamily;
import dev.bulwark.container.check.ConfigParseException;
import dev.bulwark.container.check.FamilyAnalyzer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kubernetes manifests: every YAML file whose documents declare {@code apiVersion} and {@code kind}.
 * Multi-document files are supported; lines point into the original file.
 */
public final class KubernetesAnalyzer extends FamilyAnalyzer<List<Workload>> {
  private static final Pattern LOOKS_LIKE_K8S = Pattern.compile("(?m)^\\s*kind:\\s*\\S+");

  public KubernetesAnalyzer() {
    super(List.<CheckFamily<List<Workload>>>of(
        new PodChecks(),
        new ContainerSecurityChecks(),
        new ContainerSpecChecks()));
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  protected String parserVersion() {
    return "1";
  }

  @Override
  public boolean accepts(String path) {
    String name = fileName(path).toLowerCase(Locale.ROOT);
    // Helm templates are Go templates, not YAML, until rendered.
    return (name.endsWith(".yaml") || name.endsWith(".yml")) && !("/" + path).contains("/templates/");
  }

  @Override
  protected List<Workload> parse(String path, String text) throws ConfigParseException {
    if (!LOOKS_LIKE_K8S.matcher(text).find() || !text.contains("apiVersion")) {
      return List.of(); // some other YAML file (CI config, OpenAPI, ...)
    }
    return Workloads.find(YamlDocuments.parse(text), text.lines().toList());
  }
}
