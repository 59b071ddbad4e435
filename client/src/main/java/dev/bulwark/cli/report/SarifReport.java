package dev.bulwark.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run; one rule per rule id with a
 * {@code security-severity} and CWE tags; one result per finding with a relative location (a
 * dependency finding sits at its manifest line), the finding's fingerprint as
 * {@code primaryLocationLineHash}, and {@code suppressions} when the gate suppressed it. Scanners
 * that did not report OK become tool execution notifications of the run's invocation. A dependency
 * finding names its package's recommended upgrade, as a {@code fixes} edit where {@link SarifFixes}
 * can place one; a finding several scanners reported lists them in {@code properties.reportedBy}.
 */
final class SarifReport implements ReportFormat.ReportWriter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    write(result, out, Optional.empty());
  }

  @Override
  public void write(ScanResult result, Writer out, Optional<Path> sourceRoot) throws IOException {
    JsonReport.writeJson(toSarif(result, sourceRoot), out);
  }

  static ObjectNode toSarif(ScanResult result) {
    return toSarif(result, Optional.empty());
  }

  /** @param sourceRoot the scanned folder, where manifests are read to place {@code fixes} */
  static ObjectNode toSarif(ScanResult result, Optional<Path> sourceRoot) {
    var fixes = new SarifFixes(result, sourceRoot);
    var root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    var run = root.putArray("runs").addObject();
    var driver = run.putObject("tool").putObject("driver");
    driver.put("name", "bulwark");
    driver.put("version", Findings.TOOL_VERSION);
    driver.put("informationUri", Findings.TOOL_URI);
    var rules = driver.putArray("rules");
    if (!result.getScanId().isEmpty()) {
      run.putObject("automationDetails").put("id", "bulwark/" + result.getScanId());
    }
    run.set("invocations", JsonReport.MAPPER.createArrayNode().add(invocation(result)));
    var ruleIndex = new LinkedHashMap<String, Integer>();
    var results = run.putArray("results");
    for (EvaluatedFinding ef : Findings.byRisk(result)) {
      Finding f = ef.getFinding();
      Integer index = ruleIndex.get(f.getRuleId());
      if (index == null) {
        index = ruleIndex.size();
        ruleIndex.put(f.getRuleId(), index);
        rules.add(rule(f));
      }
      var r = results.addObject();
      r.put("ruleId", f.getRuleId());
      r.put("ruleIndex", index);
      r.put("level", level(f.getSeverity()));
      var advice = fixes.adviceFor(f);
      r.putObject("message").put("text", message(f)
          + advice.filter(a -> !a.getUpgradeTo().isEmpty()).map(a -> ". Recommended: " + Advice.sentence(a)).orElse(""));
      String path = Findings.path(f);
      if (!path.isEmpty()) {
        var physical = r.putArray("locations").addObject().putObject("physicalLocation");
        var artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(path));
        artifact.put("uriBaseId", SRCROOT);
        int start = f.getLocation().getStartLine();
        if (start > 0) {
          var region = physical.putObject("region");
          region.put("startLine", start);
          if (f.getLocation().getEndLine() >= start) {
            region.put("endLine", f.getLocation().getEndLine());
          }
        }
      }
      if (!f.getFingerprint().isEmpty()) {
        r.putObject("partialFingerprints").put("primaryLocationLineHash", f.getFingerprint());
      }
      if (Findings.suppressed(ef)) {
        var s = r.putArray("suppressions").addObject();
        s.put("kind", "external"); // suppressed by the gate's policy, not in the source
        s.put("status", "accepted");
        s.put("justification", ef.getSuppression().isEmpty() ? "suppressed by bulwark policy" : ef.getSuppression());
      }
      var fixList = JsonReport.MAPPER.createArrayNode();
      if (fixes.add(f, fixList)) {
        r.set("fixes", fixList);
      }
      var props = r.putObject("properties");
      props.put("scanner", f.getScanner());
      if (f.getReportedByCount() > 1) {
        var by = props.putArray("reportedBy");
        f.getReportedByList().forEach(x -> by.add(x.getScanner() + ":" + x.getRuleId()));
      }
      if (f.hasUpgrade()) {
        props.put("upgradeTo", f.getUpgrade().getVersion());
      }
      props.put("riskScore", ef.getRiskScore());
      props.put("status", ef.getStatus().name());
    }
    return root;
  }

  /**
   * A relative path as a SARIF URI reference: spaces, '%', '#', '?' and non-ASCII percent-encoded,
   * and "./" before a first segment with a colon (an image name such as "app:1.2") so that it is
   * not read as a URI scheme.
   */
  static String uri(String path) {
    try {
      String encoded = new URI(null, null, path, null).toASCIIString().replace("?", "%3F");
      String first = encoded.split("/", 2)[0];
      return first.contains(":") ? "./" + encoded : encoded;
    } catch (URISyntaxException e) {
      return path; // URI(…, path, …) quotes every illegal character, so this does not happen
    }
  }

  /** Whether every scanner ran, with one notification per scanner that was not OK. */
  private static ObjectNode invocation(ScanResult result) {
    var invocation = JsonReport.MAPPER.createObjectNode();
    boolean allRan = result.getScannersList().stream().noneMatch(s -> s.getStatus() == ScannerStatus.FAILED);
    invocation.put("executionSuccessful", allRan);
    var notes = JsonReport.MAPPER.createArrayNode();
    for (ScannerReport s : result.getScannersList()) {
      if (s.getStatus() != ScannerStatus.OK) {
        var n = notes.addObject();
        n.put("level", s.getStatus() == ScannerStatus.DEGRADED ? "warning" : "error");
        n.putObject("message").put("text", "scanner " + s.getScanner() + " " + s.getStatus()
            + (s.getMessage().isBlank() ? "" : ": " + s.getMessage()));
        n.putObject("descriptor").put("id", "scanner/" + s.getScanner());
      }
    }
    if (!notes.isEmpty()) {
      invocation.set("toolExecutionNotifications", notes);
    }
    return invocation;
  }

  private static ObjectNode rule(Finding f) {
    var rule = JsonReport.MAPPER.createObjectNode();
    rule.put("id", f.getRuleId());
    rule.putObject("shortDescription").put("text", f.getTitle().isEmpty() ? f.getRuleId() : f.getTitle());
    if (!f.getDescription().isEmpty()) {
      rule.putObject("fullDescription").put("text", f.getDescription());
    }
    if (!f.getRemediation().isEmpty()) {
      rule.putObject("help").put("text", f.getRemediation());
    }
    rule.putObject("defaultConfiguration").put("level", level(f.getSeverity()));
    var props = rule.putObject("properties");
    props.put("security-severity", String.format(Locale.ROOT, "%.1f", securitySeverity(f)));
    var tags = props.putArray("tags");
    tags.add("security");
    tags.add(f.getScanner());
    f.getCweList().forEach(id -> tags.add("external/cwe/cwe-" + id));
    return rule;
  }

  /** The CVSS score when known, else a score in the middle of the severity's CVSS band. */
  static double securitySeverity(Finding f) {
    if (f.getCvssScore() > 0) {
      return f.getCvssScore();
    }
    return switch (f.getSeverity()) {
      case CRITICAL -> 9.5;
      case HIGH -> 8.0;
      case MEDIUM -> 5.5;
      case LOW -> 2.0;
      default -> 0.0;
    };
  }

  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      default -> "note";
    };
  }

  private static String message(Finding f) {
    var text = new StringBuilder(f.getTitle().isEmpty() ? f.getRuleId() : f.getTitle());
    if (f.hasPackage()) {
      text.append(" (").append(f.getPackage().getName()).append(' ').append(f.getPackage().getVersion()).append(')');
    }
    if (!f.getRemediation().isEmpty()) {
      text.append(". ").append(f.getRemediation());
    }
    return text.toString();
  }
}
