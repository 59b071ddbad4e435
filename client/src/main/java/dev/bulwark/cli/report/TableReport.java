package dev.bulwark.cli.report;

import dev.bulwark.common.finding.FindingMerger;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Remediation;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScannerReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for people: findings by risk (a finding several scanners reported names them all,
 * "sast+container"), the upgrades that fix the vulnerable packages, the scanners' reports, then
 * the decision and why.
 */
final class TableReport implements ReportFormat.ReportWriter {
  private static final String[] HEADER = {"RISK", "SEVERITY", "SCANNER", "RULE", "LOCATION", "STATUS", "TITLE"};
  private static final String[] REMEDIATION_HEADER =
      {"RISK", "PACKAGE", "INSTALLED", "UPGRADE TO", "FIXES", "MANIFEST", "OR, WITHIN THE MAJOR"};
  private static final int MAX_CELL = 60;

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    var nl = System.lineSeparator();
    var findings = Findings.byRisk(result);
    if (findings.isEmpty()) {
      out.write("No findings." + nl);
    } else {
      var rows = new ArrayList<String[]>();
      rows.add(HEADER);
      findings.forEach(f -> rows.add(row(f)));
      writeTable(rows, out);
    }
    if (result.getRemediationsCount() > 0) {
      out.write(nl + "Remediation (" + result.getRemediationsCount() + " vulnerable package"
          + (result.getRemediationsCount() == 1 ? "" : "s") + "):" + nl);
      var rows = new ArrayList<String[]>();
      rows.add(REMEDIATION_HEADER);
      result.getRemediationsList().forEach(r -> rows.add(remediation(r)));
      writeTable(rows, out, "  ");
    }
    out.write(nl + "Scanners:" + nl);
    for (ScannerReport r : result.getScannersList()) {
      out.write(String.format("  %-10s %-8s %4d finding(s) %7d ms%s%n", r.getScanner(), r.getStatus(),
          r.getFindings(), r.getDurationMs(), r.getMessage().isBlank() ? "" : "  " + r.getMessage()));
    }
    var d = result.getDecision();
    out.write(nl + "Decision: " + d.getVerdict() + " (risk " + d.getRiskScore() + ", scan " + result.getScanId() + ")"
        + nl);
    for (String reason : d.getReasonsList()) {
      out.write("  - " + reason + nl);
    }
    out.flush();
  }

  private static String[] row(EvaluatedFinding ef) {
    Finding f = ef.getFinding();
    String where = Findings.path(f);
    if (f.getLocation().getStartLine() > 0) {
      where += ":" + f.getLocation().getStartLine();
    }
    String title = f.getTitle();
    if (f.hasPackage()) {
      title += " [" + f.getPackage().getName() + "@" + f.getPackage().getVersion() + "]";
    }
    return new String[] {String.valueOf(ef.getRiskScore()), Findings.severity(f),
        String.join("+", FindingMerger.scanners(f)), f.getRuleId(),
        where, ef.getStatus().name().replace("FINDING_STATUS_UNSPECIFIED", "-"), title};
  }

  private static String[] remediation(Remediation r) {
    var p = r.getPackage();
    String alternative = r.getSameMajorVersion().isEmpty() ? ""
        : r.getSameMajorVersion() + " (fixes " + r.getSameMajorFixesCount() + ")";
    return new String[] {String.valueOf(r.getRiskScore()), p.getName(), p.getVersion(), Advice.target(r),
        Advice.fixes(r), p.getManifestPath(), alternative};
  }

  private static void writeTable(List<String[]> rows, Writer out) throws IOException {
    writeTable(rows, out, "");
  }

  private static void writeTable(List<String[]> rows, Writer out, String indent) throws IOException {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.min(MAX_CELL, Math.max(widths[i], row[i].length()));
      }
    }
    for (String[] row : rows) {
      var line = new StringBuilder(indent);
      for (int i = 0; i < row.length; i++) {
        String cell = row[i].length() > MAX_CELL ? row[i].substring(0, MAX_CELL - 1) + "…" : row[i];
        line.append(i == row.length - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
      }
      out.write(line.toString().stripTrailing() + System.lineSeparator());
    }
  }
}
