package dev.bulwark.cli.report;

import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML (the Ant/Jenkins {@code testsuites} shape) so CI test views show the gate:
 * <ul>
 *   <li>suite {@code bulwark.policy}: one test case per decision reason; {@code DENY} reasons are
 *       failures, {@code ERROR} reasons errors, the others pass (their text in system-out);</li>
 *   <li>one suite {@code bulwark.<scanner>} per scanner: a {@code scanner-status} case (an error
 *       when the scanner FAILED) and one case per finding. An unsuppressed finding is a failure when
 *       the policy denied (verdict FAIL, or ERROR with DENY reasons): the wire carries no per-finding
 *       deny flag, so every finding that stands in a denying gate fails and the policy suite names
 *       the rules that denied. A SUPPRESSED finding is
 *       skipped with the suppression as message, and the rest pass.</li>
 * </ul>
 */
final class JunitReport implements ReportFormat.ReportWriter {
  static final String POLICY_SUITE = "bulwark.policy";

  /** One test case before it becomes XML: its outcome is null when it passes. */
  private record Case(String classname, String name, String outcome, String message, String type, String text,
      String out) {}

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    try {
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      doc.appendChild(toXml(result, doc));
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      out.write(System.lineSeparator());
      out.flush();
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  static Element toXml(ScanResult result, Document doc) {
    var suites = new LinkedHashMap<String, List<Case>>();
    suites.put(POLICY_SUITE, policyCases(result));
    for (ScannerReport s : result.getScannersList()) {
      suites.computeIfAbsent(suiteName(s.getScanner()), k -> new ArrayList<>()).add(statusCase(s));
    }
    boolean failedGate = result.getDecision().getVerdict() == Verdict.FAIL
        || result.getDecision().getReasonsList().stream().anyMatch(r -> r.startsWith("DENY"));
    for (EvaluatedFinding ef : Findings.byRisk(result)) {
      suites.computeIfAbsent(suiteName(ef.getFinding().getScanner()), k -> new ArrayList<>())
          .add(findingCase(ef, failedGate));
    }
    var root = doc.createElement("testsuites");
    root.setAttribute("name", "bulwark" + (result.getScanId().isEmpty() ? "" : " " + result.getScanId()));
    int[] total = new int[4];
    String timestamp = Findings.utcSeconds(Findings.endTime(result));
    suites.forEach((name, cases) -> {
      int[] counts = counts(cases);
      for (int i = 0; i < 4; i++) {
        total[i] += counts[i];
      }
      var suite = doc.createElement("testsuite");
      suite.setAttribute("name", name);
      setCounts(suite, counts);
      suite.setAttribute("timestamp", timestamp);
      suite.setAttribute("time", seconds(duration(result, name)));
      cases.forEach(c -> suite.appendChild(testcase(doc, c)));
      root.appendChild(suite);
    });
    setCounts(root, total);
    // Jenkins' junit-10.xsd has no skipped count on <testsuites> (only on each <testsuite>).
    root.removeAttribute("skipped");
    return root;
  }

  private static List<Case> policyCases(ScanResult result) {
    var d = result.getDecision();
    var cases = new ArrayList<Case>();
    for (String reason : d.getReasonsList()) {
      String kind = reason.split("[ :]", 2)[0];
      String outcome = switch (kind) {
        case "DENY" -> "failure";
        case "ERROR" -> "error";
        default -> null;
      };
      cases.add(new Case(POLICY_SUITE, reason.length() > 120 ? reason.substring(0, 119) + "…" : reason, outcome,
          reason, kind, reason, outcome == null ? reason : ""));
    }
    if (cases.isEmpty()) {
      String verdict = d.getVerdict().name();
      cases.add(new Case(POLICY_SUITE, "verdict", d.getVerdict() == Verdict.PASS ? null : "failure",
          "verdict " + verdict, verdict, "verdict " + verdict + ", risk " + d.getRiskScore(), ""));
    }
    return cases;
  }

  private static Case statusCase(ScannerReport s) {
    String text = "scanner " + s.getScanner() + " " + s.getStatus() + ", " + s.getFindings() + " finding(s)"
        + (s.getMessage().isBlank() ? "" : ": " + s.getMessage());
    boolean failed = s.getStatus() == ScannerStatus.FAILED;
    return new Case(suiteName(s.getScanner()), "scanner-status", failed ? "error" : null, text,
        s.getStatus().name(), text, failed ? "" : text);
  }

  private static Case findingCase(EvaluatedFinding ef, boolean failedGate) {
    Finding f = ef.getFinding();
    String where = Findings.path(f) + (f.getLocation().getStartLine() > 0 ? ":" + f.getLocation().getStartLine() : "");
    if (Findings.isDependency(f)) {
      where = f.getPackage().getName() + "@" + f.getPackage().getVersion() + (where.isEmpty() ? "" : " (" + where + ")");
    }
    String title = f.getTitle().isEmpty() ? f.getRuleId() : f.getTitle();
    var text = new StringBuilder()
        .append(Findings.severity(f)).append(" ").append(title).append(" at ").append(where).append('\n')
        .append("risk ").append(ef.getRiskScore()).append(", status ").append(ef.getStatus().name())
        .append(", fingerprint ").append(f.getFingerprint()).append('\n');
    f.getCweList().forEach(cwe -> text.append(Findings.cwe(cwe)).append('\n'));
    if (!f.getDescription().isEmpty()) {
      text.append(f.getDescription()).append('\n');
    }
    if (!f.getRemediation().isEmpty()) {
      text.append("Fix: ").append(f.getRemediation()).append('\n');
    }
    String classname = suiteName(f.getScanner()) + "." + f.getRuleId();
    String name = where.isEmpty() ? f.getRuleId() : where;
    if (Findings.suppressed(ef)) {
      return new Case(classname, name, "skipped", "suppressed: " + ef.getSuppression(), null, null, text.toString());
    }
    return failedGate
        ? new Case(classname, name, "failure", title, Findings.severity(f), text.toString(), "")
        : new Case(classname, name, null, null, null, null, text.toString());
  }

  private static Element testcase(Document doc, Case c) {
    var tc = doc.createElement("testcase");
    tc.setAttribute("classname", c.classname());
    tc.setAttribute("name", c.name());
    tc.setAttribute("time", "0");
    if (c.outcome() != null) {
      var outcome = doc.createElement(c.outcome());
      outcome.setAttribute("message", c.message());
      if (c.type() != null) {
        outcome.setAttribute("type", c.type());
      }
      if (c.text() != null) {
        outcome.setTextContent(c.text());
      }
      tc.appendChild(outcome);
    }
    if (!c.out().isEmpty()) {
      var out = doc.createElement("system-out");
      out.setTextContent(c.out());
      tc.appendChild(out);
    }
    return tc;
  }

  /** tests, failures, errors, skipped. */
  private static int[] counts(List<Case> cases) {
    int[] n = {cases.size(), 0, 0, 0};
    for (Case c : cases) {
      if ("failure".equals(c.outcome())) {
        n[1]++;
      } else if ("error".equals(c.outcome())) {
        n[2]++;
      } else if ("skipped".equals(c.outcome())) {
        n[3]++;
      }
    }
    return n;
  }

  private static void setCounts(Element e, int[] n) {
    e.setAttribute("tests", String.valueOf(n[0]));
    e.setAttribute("failures", String.valueOf(n[1]));
    e.setAttribute("errors", String.valueOf(n[2]));
    e.setAttribute("skipped", String.valueOf(n[3]));
  }

  private static long duration(ScanResult result, String suite) {
    return result.getScannersList().stream().filter(s -> suiteName(s.getScanner()).equals(suite))
        .mapToLong(ScannerReport::getDurationMs).sum();
  }

  private static String suiteName(String scanner) {
    return "bulwark." + (scanner.isEmpty() ? "unknown" : scanner);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
