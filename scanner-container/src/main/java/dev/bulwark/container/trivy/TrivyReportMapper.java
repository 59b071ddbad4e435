package dev.bulwark.container.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.v1.Advisory;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Maps a Trivy JSON report (SchemaVersion 2, Trivy 0.3x to 0.7x) to findings: misconfigurations
 * (ids normalised: {@code DS002}, {@code AVD-DS-0002} and {@code DS-0002} all become
 * {@code DS-0002}), vulnerabilities (package findings with fixed versions and CVSS) and secrets.
 */
public final class TrivyReportMapper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OLD_ID = Pattern.compile("^(?:AVD-)?([A-Z]+)-?(\\d+)$");
  /** Trivy's result Type → ecosystem as OSV spells it. */
  private static final Map<String, String> ECOSYSTEMS = Map.ofEntries(
      Map.entry("alpine", "Alpine"), Map.entry("debian", "Debian"), Map.entry("ubuntu", "Ubuntu"),
      Map.entry("redhat", "Red Hat"), Map.entry("rocky", "Rocky Linux"), Map.entry("alma", "AlmaLinux"),
      Map.entry("wolfi", "Wolfi"), Map.entry("photon", "Photon OS"), Map.entry("amazon", "Amazon Linux"),
      Map.entry("npm", "npm"), Map.entry("yarn", "npm"), Map.entry("pnpm", "npm"), Map.entry("node-pkg", "npm"),
      Map.entry("pip", "PyPI"), Map.entry("pipenv", "PyPI"), Map.entry("poetry", "PyPI"), Map.entry("uv", "PyPI"),
      Map.entry("python-pkg", "PyPI"), Map.entry("jar", "Maven"), Map.entry("pom", "Maven"),
      Map.entry("gradle", "Maven"), Map.entry("gomod", "Go"), Map.entry("gobinary", "Go"),
      Map.entry("cargo", "crates.io"), Map.entry("rustbinary", "crates.io"), Map.entry("composer", "Packagist"),
      Map.entry("bundler", "RubyGems"), Map.entry("gemspec", "RubyGems"), Map.entry("nuget", "NuGet"),
      Map.entry("dotnet-core", "NuGet"), Map.entry("pub", "Pub"), Map.entry("hex", "Hex"));

  /** What came out of one report. */
  public record Mapped(String trivyVersion, List<Finding> findings, List<String> problems) {}

  private TrivyReportMapper() {}

  /**
   * @param paths maps a result's Target to the path findings should carry (the scanned file's
   *              relative path, or "image!/target" for images)
   */
  public static Mapped map(byte[] json, UnaryOperator<String> paths, String imageName) throws IOException {
    JsonNode root = JSON.readTree(json);
    if (root == null || !root.isObject()) {
      throw new IOException("not a Trivy JSON report");
    }
    int schema = root.path("SchemaVersion").asInt(0);
    if (schema != 2) {
      throw new IOException("unsupported Trivy report SchemaVersion " + schema + " (expected 2)");
    }
    String version = root.path("Trivy").path("Version").asText("");
    String analyzer = "trivy@" + (version.isEmpty() ? "unknown" : version);
    var findings = new ArrayList<Finding>();
    var problems = new ArrayList<String>();
    for (JsonNode result : root.path("Results")) {
      String target = result.path("Target").asText("");
      String cls = result.path("Class").asText("");
      for (JsonNode m : result.path("Misconfigurations")) {
        if (m.path("Status").asText("FAIL").equals("FAIL")) {
          findings.add(misconfiguration(m, paths.apply(target), analyzer));
        }
      }
      for (JsonNode v : result.path("Vulnerabilities")) {
        findings.add(vulnerability(v, result.path("Type").asText(""), cls, target, imageName, paths, analyzer));
      }
      for (JsonNode s : result.path("Secrets")) {
        findings.add(secret(s, paths.apply(target), analyzer));
      }
    }
    return new Mapped(version, findings, problems);
  }

  /** {@code DS002}, {@code AVD-DS-0002}, {@code DS-0002} → {@code DS-0002}; other ids unchanged. */
  public static String normaliseCheckId(String id) {
    var m = OLD_ID.matcher(id.strip());
    if (!m.matches()) {
      return id.strip();
    }
    String prefix = m.group(1);
    if (prefix.equals("AWS") || prefix.equals("AZU") || prefix.equals("GCP")) {
      return "AVD-" + prefix + "-" + String.format("%04d", Integer.parseInt(m.group(2)));
    }
    return prefix + "-" + String.format("%04d", Integer.parseInt(m.group(2)));
  }

  private static Finding misconfiguration(JsonNode m, String path, String analyzer) {
    String id = m.hasNonNull("AVDID") && !m.path("AVDID").asText().isEmpty() ? m.path("AVDID").asText() : m.path("ID").asText();
    var cause = m.path("CauseMetadata");
    int start = cause.path("StartLine").asInt(0);
    int end = Math.max(start, cause.path("EndLine").asInt(0));
    String snippet = "";
    for (JsonNode line : cause.path("Code").path("Lines")) {
      if (line.path("IsCause").asBoolean(false)) {
        snippet = line.path("Content").asText("");
        break;
      }
    }
    String message = m.path("Message").asText("");
    String description = m.path("Description").asText("");
    return Finding.newBuilder()
        .setRuleId(normaliseCheckId(id))
        .setTitle(m.path("Title").asText(id))
        .setDescription(message.isEmpty() ? description : message + ". " + description)
        .setSeverity(severity(m.path("Severity").asText("")))
        .setLocation(Location.newBuilder().setPath(path).setStartLine(start).setEndLine(end).setSnippet(snippet.strip()))
        .setConfidence(Confidence.CONFIDENCE_HIGH)
        .setAnalyzer(analyzer)
        .setRemediation(m.path("Resolution").asText(""))
        .build();
  }

  private static Finding vulnerability(JsonNode v, String type, String cls, String target, String imageName,
      UnaryOperator<String> paths, String analyzer) {
    String id = v.path("VulnerabilityID").asText();
    String name = v.path("PkgName").asText();
    String installed = v.path("InstalledVersion").asText();
    boolean osPackage = cls.equals("os-pkgs");
    String manifest = osPackage ? (imageName.isEmpty() ? target : imageName) : paths.apply(target);
    var pkg = Package.newBuilder()
        .setEcosystem(ECOSYSTEMS.getOrDefault(type, type))
        .setName(name)
        .setVersion(installed)
        .setScope(Scope.RUNTIME)
        .setPurl(v.path("PkgIdentifier").path("PURL").asText(""))
        .setManifestPath(manifest);
    for (String fixed : v.path("FixedVersion").asText("").split(",")) {
      if (!fixed.isBlank()) {
        pkg.addFixedVersions(fixed.strip());
      }
    }
    var advisory = Advisory.newBuilder().setId(id);
    v.path("References").forEach(r -> advisory.addReferences(r.asText()));
    var f = Finding.newBuilder()
        .setRuleId(id)
        .setTitle(v.path("Title").asText(id + " in " + name))
        .setDescription(v.path("Description").asText(""))
        .setSeverity(severity(v.path("Severity").asText("")))
        .setPackage(pkg)
        .setAdvisory(advisory)
        .setConfidence(Confidence.CONFIDENCE_HIGH)
        .setAnalyzer(analyzer)
        .setRemediation(pkg.getFixedVersionsCount() == 0 ? "no fixed version published yet"
            : "upgrade " + name + " to " + pkg.getFixedVersions(0));
    if (!osPackage) {
      f.setLocation(Location.newBuilder().setPath(manifest));
    }
    cvss(v.path("CVSS"), f);
    for (JsonNode cwe : v.path("CweIDs")) {
      String s = cwe.asText().replaceFirst("(?i)^CWE-", "");
      if (s.matches("\\d{1,6}")) {
        f.addCwe(Integer.parseInt(s));
      }
    }
    return f.build();
  }

  /** NVD's CVSS v3 first, then any vendor's v3, then v4 (newer reports). */
  private static void cvss(JsonNode cvss, Finding.Builder f) {
    var sources = new ArrayList<JsonNode>();
    if (cvss.has("nvd")) {
      sources.add(cvss.get("nvd"));
    }
    cvss.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("nvd")) {
        sources.add(e.getValue());
      }
    });
    for (String kind : List.of("V3", "V40")) {
      for (JsonNode s : sources) {
        if (s.hasNonNull(kind + "Vector")) {
          f.setCvssVector(s.get(kind + "Vector").asText()).setCvssScore(s.path(kind + "Score").asDouble(0));
          return;
        }
      }
    }
  }

  private static Finding secret(JsonNode s, String path, String analyzer) {
    int start = s.path("StartLine").asInt(0);
    String category = s.path("Category").asText("");
    return Finding.newBuilder()
        .setRuleId("secret." + s.path("RuleID").asText("unknown"))
        .setTitle(s.path("Title").asText("Secret"))
        .setDescription((category.isEmpty() ? "" : category + " ") + "secret committed in the file")
        .setSeverity(severity(s.path("Severity").asText("")))
        .setLocation(Location.newBuilder().setPath(path).setStartLine(start)
            .setEndLine(Math.max(start, s.path("EndLine").asInt(0))).setSnippet(s.path("Match").asText("").strip()))
        .addCwe(798)
        .setConfidence(Confidence.CONFIDENCE_MEDIUM)
        .setAnalyzer(analyzer)
        .setRemediation("Remove the secret from the file and its history, and rotate it.")
        .build();
  }

  /** Trivy's UNKNOWN (no data) is treated as MEDIUM: unknown is not harmless. */
  static Severity severity(String s) {
    return switch (s.toUpperCase(Locale.ROOT)) {
      case "CRITICAL" -> Severity.CRITICAL;
      case "HIGH" -> Severity.HIGH;
      case "LOW" -> Severity.LOW;
      case "INFO", "NEGLIGIBLE" -> Severity.INFO;
      default -> Severity.MEDIUM;
    };
  }
}
