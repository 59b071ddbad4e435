package dev.bulwark.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Remediation;
import dev.bulwark.v1.Reporter;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScannerReport;
import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per scan: {@code scanId}, {@code decision}, {@code riskScore}, {@code reasons},
 * {@code scanners[]}, {@code findings[]} (highest risk first; {@code reportedBy[]} names every
 * scanner that reported one) and {@code remediations[]} (one upgrade per vulnerable package);
 * absent parts are omitted.
 */
final class JsonReport implements ReportFormat.ReportWriter {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false); // the caller owns the writer

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    writeJson(toJson(result), out);
  }

  /** Writes a JSON document, indented, with a final newline; shared by the JSON-based formats. */
  static void writeJson(JsonNode document, Writer out) throws IOException {
    MAPPER.writeValue(out, document);
    out.write(System.lineSeparator());
    out.flush();
  }

  static ObjectNode toJson(ScanResult result) {
    var root = MAPPER.createObjectNode();
    var decision = result.getDecision();
    root.put("scanId", result.getScanId());
    root.put("decision", decision.getVerdict().name());
    root.put("riskScore", decision.getRiskScore());
    decision.getReasonsList().forEach(root.putArray("reasons")::add);
    var scanners = root.putArray("scanners");
    for (ScannerReport r : result.getScannersList()) {
      var s = scanners.addObject();
      s.put("name", r.getScanner());
      s.put("status", r.getStatus().name());
      s.put("durationMs", r.getDurationMs());
      s.put("findings", r.getFindings());
      s.put("message", r.getMessage());
    }
    var findings = root.putArray("findings");
    Findings.byRisk(result).forEach(f -> findings.add(finding(f)));
    var remediations = root.putArray("remediations");
    result.getRemediationsList().forEach(r -> remediations.add(remediation(r)));
    return root;
  }

  static ObjectNode remediation(Remediation r) {
    var n = MAPPER.createObjectNode();
    var p = r.getPackage();
    n.put("scanner", r.getScanner());
    n.put("ecosystem", p.getEcosystem());
    n.put("name", p.getName());
    n.put("version", p.getVersion());
    n.put("manifestPath", p.getManifestPath());
    n.put("scope", p.getScope().name());
    if (!p.getPurl().isEmpty()) {
      n.put("purl", p.getPurl());
    }
    n.put("riskScore", r.getRiskScore());
    if (!r.getUpgradeTo().isEmpty()) {
      n.put("upgradeTo", r.getUpgradeTo());
      n.put("major", r.getMajor());
    }
    r.getFixesList().forEach(n.putArray("fixes")::add);
    r.getRemainingList().forEach(n.putArray("remaining")::add);
    if (!r.getSameMajorVersion().isEmpty()) {
      n.put("sameMajorVersion", r.getSameMajorVersion());
      r.getSameMajorFixesList().forEach(n.putArray("sameMajorFixes")::add);
    }
    n.put("advice", Advice.sentence(r));
    return n;
  }

  static ObjectNode finding(EvaluatedFinding ef) {
    Finding f = ef.getFinding();
    var n = MAPPER.createObjectNode();
    n.put("scanner", f.getScanner());
    n.put("ruleId", f.getRuleId());
    n.put("title", f.getTitle());
    n.put("severity", Findings.severity(f));
    var cwe = n.putArray("cwe");
    f.getCweList().forEach(id -> cwe.add(Findings.cwe(id)));
    n.put("fingerprint", f.getFingerprint());
    n.put("riskScore", ef.getRiskScore());
    n.put("status", ef.getStatus().name());
    if (f.hasLocation() && !f.getLocation().getPath().isEmpty()) {
      var loc = n.putObject("location");
      loc.put("path", f.getLocation().getPath());
      putPositive(loc, "startLine", f.getLocation().getStartLine());
      putPositive(loc, "endLine", f.getLocation().getEndLine());
    }
    if (f.hasPackage()) {
      var p = f.getPackage();
      var pkg = n.putObject("package");
      pkg.put("ecosystem", p.getEcosystem());
      pkg.put("name", p.getName());
      pkg.put("version", p.getVersion());
      pkg.put("scope", p.getScope().name());
      if (p.getDirectKnown()) {
        pkg.put("direct", p.getDirect());
      }
      p.getFixedVersionsList().forEach(pkg.putArray("fixedVersions")::add);
    }
    if (f.hasAdvisory()) {
      var a = n.putObject("advisory");
      a.put("id", f.getAdvisory().getId());
      f.getAdvisory().getAliasesList().forEach(a.putArray("aliases")::add);
    }
    if (!f.getRemediation().isEmpty()) {
      n.put("remediation", f.getRemediation());
    }
    if (f.hasUpgrade()) {
      var u = n.putObject("upgrade");
      u.put("version", f.getUpgrade().getVersion());
      u.put("major", f.getUpgrade().getMajor());
      u.put("fixesThis", f.getUpgrade().getFixesThis());
    }
    if (f.getReportedByCount() > 0) {
      var by = n.putArray("reportedBy");
      for (Reporter r : f.getReportedByList()) {
        var e = by.addObject();
        e.put("scanner", r.getScanner());
        e.put("analyzer", r.getAnalyzer());
        e.put("ruleId", r.getRuleId());
      }
    }
    if (!ef.getSuppression().isEmpty()) {
      n.put("suppression", ef.getSuppression());
    }
    return n;
  }

  private static void putPositive(ObjectNode node, String field, int value) {
    if (value > 0) {
      node.put(field, value);
    }
  }
}
