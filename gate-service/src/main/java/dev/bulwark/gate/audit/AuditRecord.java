package dev.bulwark.gate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.v1.Decision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One decision (an evaluation or a break-glass override) as the audit feed carries it: one JSON
 * object on one line, keys in snake_case:
 * {@code scan_id, project, branch, commit, verdict, risk, reasons, policy_version,
 * scanner_statuses, inputs_digest, requested_by, time, overridden, override_justification,
 * override_identity}.
 *
 * @param decision        the decision as returned to the caller
 * @param scannerStatuses scanner name to "STATUS" or "STATUS: message"
 * @param inputsDigest    SHA-256 of the request the decision was made on
 */
public record AuditRecord(Decision decision, Map<String, String> scannerStatuses, String inputsDigest) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public AuditRecord {
    scannerStatuses = new LinkedHashMap<>(scannerStatuses);
  }

  /** A policy layer as the audit line shows it. */
  private record Layer(String layer, String source, String version) {}

  /** The JSON line, without the trailing newline. */
  public String toJson() {
    var d = decision;
    var c = d.getContext();
    var m = new LinkedHashMap<String, Object>();
    m.put("scan_id", d.getScanId());
    m.put("project", c.getProject());
    m.put("branch", c.getBranch());
    m.put("commit", c.getCommit());
    m.put("verdict", d.getVerdict().name());
    m.put("risk", d.getRiskScore());
    m.put("reasons", List.copyOf(d.getReasonsList()));
    m.put("policy_version", d.getPolicyVersion());
    m.put("policies", d.getPoliciesList().stream()
        .map(p -> new Layer(p.getLayer(), p.getSource(), p.getVersion())).toList());
    m.put("scanner_statuses", scannerStatuses);
    m.put("inputs_digest", inputsDigest);
    m.put("requested_by", c.getRequestedBy());
    m.put("time", d.getDecidedAt());
    m.put("overridden", d.getOverridden());
    m.put("override_justification", d.getOverrideJustification());
    m.put("override_identity", d.getOverrideIdentity());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the audit record of " + d.getScanId(), e);
    }
  }
}
