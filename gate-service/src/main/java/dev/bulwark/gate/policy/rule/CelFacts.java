package dev.bulwark.gate.policy.rule;

import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.gate.assessment.ScanFacts;
import dev.bulwark.v1.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables CEL rules see. Every key is always present (empty string, 0, false or empty
 * list when the finding has no such data), so expressions never trip over a missing field.
 *
 * <pre>
 * finding: scanner, rule_id, title, severity ("CRITICAL"...), severity_rank (INFO 1 .. CRITICAL 5),
 *          cvss (double), cwe (list of int), path, line, confidence ("HIGH"/"MEDIUM"/"LOW"/""),
 *          fingerprint, status ("NEW"/"EXISTING"), risk (0-100), is_secret, has_fix,
 *          scope (effective: code and unspecified count as "RUNTIME"), ids (advisory id, aliases, rule id),
 *          kev (listed in CISA KEV), epss (FIRST EPSS probability 0-1, 0.0 when unknown),
 *          package: {ecosystem, name, version, scope, direct, direct_known, fixed_versions, purl, manifest_path}
 * scan:    project, branch, commit, requested_by,
 *          scanners: list of {name, status ("OK"/"DEGRADED"/"FAILED"), message}
 * lists:   the policy file's named lists
 * </pre>
 */
public final class CelFacts {
  private CelFacts() {}

  public static Map<String, Object> finding(AssessedFinding a) {
    Finding f = a.finding();
    var m = new LinkedHashMap<String, Object>();
    m.put("scanner", f.getScanner());
    m.put("rule_id", f.getRuleId());
    m.put("title", f.getTitle());
    m.put("severity", f.getSeverity().name());
    m.put("severity_rank", (long) f.getSeverity().getNumber());
    m.put("cvss", f.getCvssScore());
    m.put("cwe", f.getCweList().stream().map(Integer::longValue).toList());
    m.put("path", f.getLocation().getPath());
    m.put("line", (long) f.getLocation().getStartLine());
    m.put("confidence", f.getConfidence().getNumber() == 0 ? "" : f.getConfidence().name().replace("CONFIDENCE_", ""));
    m.put("fingerprint", f.getFingerprint());
    m.put("status", a.status().name());
    m.put("risk", (long) a.risk().score());
    m.put("is_secret", AssessedFinding.isSecret(f));
    m.put("has_fix", f.getPackage().getFixedVersionsCount() > 0);
    m.put("scope", a.effectiveScope().name());
    // Exploitation evidence as scored (RiskScore's kev and epss factors): false / 0.0 without intel.
    m.put("kev", a.risk().factor("kev").map(k -> k.effect() > 1).orElse(false));
    m.put("epss", a.risk().factor("epss").map(e -> e.effect() - 1).orElse(0.0));
    var ids = new ArrayList<String>();
    if (f.hasAdvisory()) {
      ids.add(f.getAdvisory().getId());
      ids.addAll(f.getAdvisory().getAliasesList());
    }
    ids.add(f.getRuleId());
    m.put("ids", ids);
    var p = f.getPackage();
    var pkg = new LinkedHashMap<String, Object>();
    pkg.put("ecosystem", p.getEcosystem());
    pkg.put("name", p.getName());
    pkg.put("version", p.getVersion());
    pkg.put("scope", f.hasPackage() ? p.getScope().name() : "");
    pkg.put("direct", p.getDirect());
    pkg.put("direct_known", p.getDirectKnown());
    pkg.put("fixed_versions", List.copyOf(p.getFixedVersionsList()));
    pkg.put("purl", p.getPurl());
    pkg.put("manifest_path", p.getManifestPath());
    m.put("package", pkg);
    return m;
  }

  public static Map<String, Object> scan(ScanFacts facts) {
    var c = facts.context();
    var scanners = facts.scanners().stream()
        .map(s -> Map.<String, Object>of("name", s.getScanner(), "status", s.getStatus().name(),
            "message", s.getMessage()))
        .toList();
    return Map.of("project", c.getProject(), "branch", c.getBranch(), "commit", c.getCommit(),
        "requested_by", c.getRequestedBy(), "scanners", scanners);
  }
}
