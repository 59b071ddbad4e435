package dev.bulwark.cli.report;

import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.cyclonedx.model.vulnerability.Vulnerability.Rating;

/**
 * CycloneDX 1.6 JSON, built with cyclonedx-core-java: one component per vulnerable package (purl,
 * group/name, version, scope), one vulnerability per dependency finding with its rating (severity,
 * CVSS score and vector), advisory source and aliases, CWEs and the component it affects. A
 * SUPPRESSED finding gets a VEX {@code analysis}: state {@code not_affected} with the suppression
 * reason as detail, and justification {@code code_not_present} when the package only lives on
 * test or development classpaths (not in what ships). Code findings are not part of a BOM.
 */
final class CycloneDxReport implements ReportFormat.ReportWriter {
  static final Version VERSION = Version.VERSION_16;

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    JsonReport.writeJson(BomGeneratorFactory.createJson(VERSION, toBom(result)).toJsonNode(), out);
  }

  static Bom toBom(ScanResult result) {
    var bom = new Bom();
    String key = result.getScanId().isEmpty() ? UUID.randomUUID().toString() : result.getScanId();
    bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    bom.setVersion(1);
    bom.setMetadata(metadata(result));
    var components = new LinkedHashMap<String, Component>();
    // the whole inventory first (an SBOM), then whatever findings name beyond it
    for (Package p : result.getInventoryList()) {
      components.computeIfAbsent(bomRef(p), ref -> component(ref, p));
    }
    var vulnerabilities = new ArrayList<Vulnerability>();
    for (EvaluatedFinding ef : Findings.byRisk(result)) {
      Finding f = ef.getFinding();
      if (!Findings.isDependency(f)) {
        continue;
      }
      var component = components.computeIfAbsent(bomRef(f.getPackage()), ref -> component(ref, f.getPackage()));
      vulnerabilities.add(vulnerability(ef, component.getBomRef()));
    }
    bom.setComponents(new ArrayList<>(components.values()));
    bom.setVulnerabilities(vulnerabilities);
    return bom;
  }

  private static Metadata metadata(ScanResult result) {
    var metadata = new Metadata();
    metadata.setTimestamp(Date.from(Findings.endTime(result)));
    var tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("bulwark");
    tool.setVersion(Findings.TOOL_VERSION);
    var tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    var ctx = result.getContext();
    if (!ctx.getProject().isEmpty()) {
      var project = new Component();
      project.setType(Component.Type.APPLICATION);
      project.setBomRef("project:" + ctx.getProject());
      project.setName(ctx.getProject());
      if (!ctx.getCommit().isEmpty()) {
        project.setVersion(ctx.getCommit());
      }
      metadata.setComponent(project);
    }
    metadata.addProperty(new Property("bulwark:verdict", result.getDecision().getVerdict().name()));
    metadata.addProperty(new Property("bulwark:riskScore", String.valueOf(result.getDecision().getRiskScore())));
    return metadata;
  }

  /** The package URL when the scanner gave one, else a readable ecosystem:name@version. */
  static String bomRef(Package p) {
    return !p.getPurl().isEmpty() ? p.getPurl() : p.getEcosystem() + ":" + p.getName() + "@" + p.getVersion();
  }

  private static Component component(String ref, Package p) {
    var c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setBomRef(ref);
    int colon = p.getName().indexOf(':');
    if ("maven".equalsIgnoreCase(p.getEcosystem()) && colon > 0) {
      c.setGroup(p.getName().substring(0, colon));
      c.setName(p.getName().substring(colon + 1));
    } else {
      c.setName(p.getName());
    }
    c.setVersion(p.getVersion());
    if (!p.getPurl().isEmpty()) {
      c.setPurl(p.getPurl());
    }
    c.setScope(switch (p.getScope()) {
      case TEST, DEV -> Component.Scope.EXCLUDED; // not in what ships
      case OPTIONAL -> Component.Scope.OPTIONAL;
      default -> Component.Scope.REQUIRED;
    });
    if (!p.getManifestPath().isEmpty()) {
      c.addProperty(new Property("bulwark:manifest", p.getManifestPath()));
    }
    c.addProperty(new Property("bulwark:scope", p.getScope().name()));
    return c;
  }

  private static Vulnerability vulnerability(EvaluatedFinding ef, String componentRef) {
    Finding f = ef.getFinding();
    var v = new Vulnerability();
    v.setBomRef(Findings.uuid(f));
    v.setId(Findings.vulnerabilityId(f));
    var ids = Findings.identifiers(f).stream().filter(id -> !id.type().equals("cwe")
        && !id.type().equals("bulwark_rule")).toList();
    if (!ids.isEmpty()) {
      v.setSource(source(ids.get(0)));
      var references = new ArrayList<Vulnerability.Reference>();
      for (var alias : ids.subList(1, ids.size())) {
        var ref = new Vulnerability.Reference();
        ref.setId(alias.value());
        ref.setSource(source(alias));
        references.add(ref);
      }
      if (!references.isEmpty()) {
        v.setReferences(references);
      }
    }
    v.setRatings(List.of(rating(f)));
    if (f.getCweCount() > 0) {
      v.setCwes(List.copyOf(f.getCweList()));
    }
    v.setDescription(f.getTitle().isEmpty() ? f.getRuleId() : f.getTitle());
    if (!f.getDescription().isEmpty()) {
      v.setDetail(f.getDescription());
    }
    if (!f.getRemediation().isEmpty()) {
      v.setRecommendation(f.getRemediation());
    } else if (f.getPackage().getFixedVersionsCount() > 0) {
      v.setRecommendation("Upgrade to " + f.getPackage().getFixedVersions(0));
    }
    var affect = new Vulnerability.Affect();
    affect.setRef(componentRef);
    v.setAffects(List.of(affect));
    if (Findings.suppressed(ef)) {
      v.setAnalysis(vex(ef));
    }
    v.setProperties(List.of(new Property("bulwark:riskScore", String.valueOf(ef.getRiskScore())),
        new Property("bulwark:status", ef.getStatus().name()),
        new Property("bulwark:fingerprint", f.getFingerprint())));
    return v;
  }

  /** VEX for a suppressed finding: not affected, why in the suppression's own words. */
  static Analysis vex(EvaluatedFinding ef) {
    var analysis = new Analysis();
    analysis.setState(Analysis.State.NOT_AFFECTED);
    switch (ef.getFinding().getPackage().getScope()) {
      case TEST, DEV -> analysis.setJustification(Analysis.Justification.CODE_NOT_PRESENT);
      default -> { } // the reason text is all a suppression says; no justification is invented
    }
    analysis.setDetail(ef.getSuppression().isEmpty() ? "suppressed by bulwark policy" : ef.getSuppression());
    return analysis;
  }

  private static Rating rating(Finding f) {
    var rating = new Rating();
    rating.setSeverity(switch (f.getSeverity()) {
      case CRITICAL -> Rating.Severity.CRITICAL;
      case HIGH -> Rating.Severity.HIGH;
      case MEDIUM -> Rating.Severity.MEDIUM;
      case LOW -> Rating.Severity.LOW;
      case INFO -> Rating.Severity.INFO;
      default -> Rating.Severity.UNKNOWN;
    });
    if (f.getCvssScore() > 0) {
      rating.setScore(f.getCvssScore());
    }
    if (!f.getCvssVector().isEmpty()) {
      rating.setVector(f.getCvssVector());
      rating.setMethod(method(f.getCvssVector()));
    }
    return rating;
  }

  static Rating.Method method(String vector) {
    String v = vector.toUpperCase(Locale.ROOT);
    if (v.startsWith("CVSS:4.")) {
      return Rating.Method.CVSSV4;
    }
    if (v.startsWith("CVSS:3.1")) {
      return Rating.Method.CVSSV31;
    }
    if (v.startsWith("CVSS:3")) {
      return Rating.Method.CVSSV3;
    }
    return v.startsWith("AV:") ? Rating.Method.CVSSV2 : Rating.Method.OTHER;
  }

  private static Vulnerability.Source source(Findings.Identifier id) {
    var source = new Vulnerability.Source();
    source.setName(switch (id.type()) {
      case "cve" -> "NVD";
      case "ghsa" -> "GitHub";
      default -> "OSV";
    });
    source.setUrl(id.url());
    return source;
  }
}
