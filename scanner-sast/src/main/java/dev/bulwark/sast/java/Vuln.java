package dev.bulwark.sast.java;

import dev.bulwark.sast.core.Findings.RuleInfo;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Severity;
import java.util.List;

/**
 * The injection classes the taint analysis tracks. A tainted value carries one bit per class it
 * is still dangerous for; a sanitiser clears the bits it neutralises (HTML escaping clears XSS
 * only, {@code Integer.parseInt} clears all).
 */
public enum Vuln {
  SQL(89, "java.sqli.tainted-query", "SQL injection", Severity.HIGH,
      "Use a PreparedStatement with bound parameters instead of building the query from input."),
  COMMAND(78, "java.cmdi.tainted-command", "OS command injection", Severity.HIGH,
      "Do not pass request data to a shell or process; use a fixed command and an allow-list of arguments."),
  PATH(22, "java.path.tainted-path", "Path traversal", Severity.HIGH,
      "Resolve the name against a fixed base folder, normalise it and reject paths that leave it."),
  LDAP(90, "java.ldapi.tainted-filter", "LDAP injection", Severity.HIGH,
      "Escape request data with an LDAP filter encoder or use parameterised filters ({0})."),
  XPATH(643, "java.xpathi.tainted-expression", "XPath injection", Severity.HIGH,
      "Use XPath variables (XPathVariableResolver) instead of concatenating request data."),
  XSS(79, "java.xss.tainted-response", "Cross-site scripting", Severity.MEDIUM,
      "Encode request data for HTML (OWASP Encoder, HtmlUtils.htmlEscape) before writing it."),
  TRUST_BOUNDARY(501, "java.trust-boundary.tainted-session", "Trust boundary violation", Severity.MEDIUM,
      "Validate request data before storing it in the session, where it is trusted.");

  public static final int ALL = (1 << values().length) - 1;

  private final int cwe;
  private final String ruleId;
  private final String title;
  private final Severity severity;
  private final String remediation;

  Vuln(int cwe, String ruleId, String title, Severity severity, String remediation) {
    this.cwe = cwe;
    this.ruleId = ruleId;
    this.title = title;
    this.severity = severity;
    this.remediation = remediation;
  }

  public int bit() {
    return 1 << ordinal();
  }

  public int cwe() {
    return cwe;
  }

  /** How this class is reported when request data reaches {@code sink}. */
  public RuleInfo rule(String sink) {
    return new RuleInfo(ruleId, title + ": request data reaches " + sink,
        "Data from the HTTP request flows, without a sanitiser, into " + sink + " (CWE-" + cwe + ").",
        severity, List.of(cwe), Confidence.CONFIDENCE_HIGH, remediation);
  }

  /** The bits of all classes. */
  public static int mask(Vuln... vulns) {
    int m = 0;
    for (Vuln v : vulns) {
      m |= v.bit();
    }
    return m;
  }
}
