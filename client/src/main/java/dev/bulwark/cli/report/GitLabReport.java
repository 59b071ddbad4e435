package dev.bulwark.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;


/**
 * What GitLab's security reports (schema version {@value #SCHEMA_VERSION}) share: the
 * {@code scan} block (analyzer, scanner, type, times, status) and the common vulnerability fields
 * (id, name, description, severity, solution, identifiers). Each report type says which findings
 * it carries, which scanners feed it, and how a vulnerability is located.
 *
 * <p>Suppressed findings are left out: GitLab has no field for a suppression decided outside
 * GitLab, and listing them would reopen them in its vulnerability report.
 */
abstract class GitLabReport implements ReportFormat.ReportWriter {
  static final String SCHEMA_VERSION = "15.0.7";

  /** The report type, as {@code scan.type} and the CI artifact spell it ("sast"). */
  abstract String type();

  /** The scanners whose findings (and failures) this report carries. */
  abstract List<String> scanners();

  /** Whether a finding belongs in this report. */
  abstract boolean carries(Finding f);

  /** The {@code location} object of one vulnerability. */
  abstract ObjectNode location(Finding f);

  /** Adds what this report type has beyond the common fields (e.g. dependency files). */
  void finish(ObjectNode report, List<EvaluatedFinding> carried) {}

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    JsonReport.writeJson(toReport(result), out);
  }

  ObjectNode toReport(ScanResult result) {
    var root = JsonReport.MAPPER.createObjectNode();
    root.put("version", SCHEMA_VERSION);
    root.set("scan", scan(result));
    var vulnerabilities = root.putArray("vulnerabilities");
    var carried = Findings.byRisk(result).stream()
        .filter(ef -> !Findings.suppressed(ef) && carries(ef.getFinding())).toList();
    carried.forEach(ef -> vulnerabilities.add(vulnerability(ef)));
    finish(root, carried);
    return root;
  }

  private ObjectNode scan(ScanResult result) {
    var scan = JsonReport.MAPPER.createObjectNode();
    scan.set("analyzer", tool("bulwark", "Bulwark"));
    scan.set("scanner", tool("bulwark-" + type().replace('_', '-'), "Bulwark " + String.join("/", scanners())));
    scan.put("type", type());
    scan.put("start_time", Findings.utcSeconds(Findings.startTime(result)));
    scan.put("end_time", Findings.utcSeconds(Findings.endTime(result)));
    var failed = Findings.failedScanners(result, scanners()::contains);
    scan.put("status", failed.isEmpty() ? "success" : "failure");
    if (!failed.isEmpty()) {
      var messages = scan.putArray("messages");
      failed.forEach(s -> messages.addObject().put("level", "fatal")
          .put("value", "scanner " + s.getScanner() + " failed: " + s.getMessage()));
    }
    return scan;
  }

  private static ObjectNode tool(String id, String name) {
    var tool = JsonReport.MAPPER.createObjectNode();
    tool.put("id", id);
    tool.put("name", name);
    tool.put("url", Findings.TOOL_URI);
    tool.putObject("vendor").put("name", "Bulwark");
    tool.put("version", Findings.TOOL_VERSION);
    return tool;
  }

  private ObjectNode vulnerability(EvaluatedFinding ef) {
    Finding f = ef.getFinding();
    var v = JsonReport.MAPPER.createObjectNode();
    v.put("id", Findings.uuid(f));
    v.put("name", truncate(f.getTitle().isEmpty() ? f.getRuleId() : f.getTitle(), 255));
    if (!f.getDescription().isEmpty()) {
      v.put("description", truncate(f.getDescription(), 1_048_576));
    }
    v.put("severity", severity(f));
    if (!f.getRemediation().isEmpty()) {
      v.put("solution", truncate(f.getRemediation(), 7000));
    }
    var ids = v.putArray("identifiers");
    for (var id : Findings.identifiers(f)) {
      var node = ids.addObject();
      node.put("type", id.type());
      node.put("name", id.name());
      node.put("value", id.value());
      if (!id.url().isEmpty()) {
        node.put("url", id.url());
      }
    }
    if (f.getCvssVector().startsWith("CVSS:")) {
      v.putArray("cvss_vectors").addObject().put("vendor", "bulwark").put("vector", f.getCvssVector());
    }
    v.set("location", location(f));
    return v;
  }

  /** GitLab's severity words: Critical, High, Medium, Low, Info or Unknown. */
  static String severity(Finding f) {
    return switch (f.getSeverity()) {
      case CRITICAL -> "Critical";
      case HIGH -> "High";
      case MEDIUM -> "Medium";
      case LOW -> "Low";
      case INFO -> "Info";
      default -> "Unknown";
    };
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
