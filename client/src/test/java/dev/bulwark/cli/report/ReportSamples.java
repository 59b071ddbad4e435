package dev.bulwark.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.v1.Advisory;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Verdict;
import java.io.IOException;
import java.io.StringWriter;

/**
 * A realistic scan of a Java service, as the gate returns it: a SQL injection (CWE-89), a committed
 * AWS key, log4j-core 2.14.1 (Log4Shell, CRITICAL, fixed in 2.15.0), junit 4.12 in test scope
 * (suppressed), and a container scanner that FAILED, so the gate says ERROR with two DENY reasons.
 */
final class ReportSamples {
  private ReportSamples() {}

  static final Finding SQLI = Finding.newBuilder().setScanner("sast").setRuleId("java.sqli.tainted-query")
      .setTitle("SQL query built from request input")
      .setDescription("A request parameter reaches Statement.executeQuery without a bind parameter.")
      .setSeverity(Severity.HIGH).addCwe(89).setConfidence(Confidence.CONFIDENCE_HIGH)
      .setLocation(Location.newBuilder().setPath("src/main/java/com/acme/UserDao.java").setStartLine(42)
          .setEndLine(43).setSnippet("stmt.executeQuery(\"SELECT * FROM users WHERE id=\" + id)"))
      .setFingerprint("5f1c0a9e1d2b3c4d").setAnalyzer("java-taint@3").setRemediation("use a PreparedStatement")
      .build();

  static final Finding SECRET = Finding.newBuilder().setScanner("sast").setRuleId("secret.aws-access-key")
      .setTitle("AWS access key committed").setSeverity(Severity.CRITICAL).addCwe(798)
      .setLocation(Location.newBuilder().setPath("config/application.properties").setStartLine(7).setEndLine(7)
          .setSnippet("aws.key=AKIA****************"))
      .setFingerprint("9a8b7c6d5e4f3a2b").setAnalyzer("secrets@2").setRemediation("revoke the key and rotate it")
      .build();

  static final Finding LOG4J = Finding.newBuilder().setScanner("sca").setRuleId("GHSA-jfh8-c2jp-5v3q")
      .setTitle("Remote code injection in Log4j").setSeverity(Severity.CRITICAL).setCvssScore(10.0)
      .setCvssVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").addCwe(502).addCwe(917)
      .setLocation(Location.newBuilder().setPath("pom.xml").setStartLine(31).setEndLine(35))
      .setPackage(Package.newBuilder().setEcosystem("Maven").setName("org.apache.logging.log4j:log4j-core")
          .setVersion("2.14.1").setScope(Scope.RUNTIME).setDirect(true).setDirectKnown(true)
          .addFixedVersions("2.15.0").setPurl("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")
          .setManifestPath("pom.xml"))
      .setAdvisory(Advisory.newBuilder().setId("GHSA-jfh8-c2jp-5v3q").addAliases("CVE-2021-44228")
          .addReferences("https://nvd.nist.gov/vuln/detail/CVE-2021-44228"))
      .setFingerprint("0d1e2f3a4b5c6d7e").setAnalyzer("maven-pom@4").setRemediation("upgrade to 2.15.0")
      .build();

  static final Finding JUNIT = Finding.newBuilder().setScanner("sca").setRuleId("GHSA-269g-pwp5-87pp")
      .setTitle("TemporaryFolder on unix-like systems does not limit access to created files")
      .setSeverity(Severity.MEDIUM).setCvssScore(4.4).setCvssVector("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N")
      .addCwe(200).addCwe(732)
      .setPackage(Package.newBuilder().setEcosystem("Maven").setName("junit:junit").setVersion("4.12")
          .setScope(Scope.TEST).setDirect(true).setDirectKnown(true).addFixedVersions("4.13.1")
          .setPurl("pkg:maven/junit/junit@4.12").setManifestPath("pom.xml"))
      .setAdvisory(Advisory.newBuilder().setId("GHSA-269g-pwp5-87pp").addAliases("CVE-2020-15250"))
      .setFingerprint("1a2b3c4d5e6f7a8b").setAnalyzer("maven-pom@4")
      .build();

  static final String SUPPRESSION = "test-only dependency, never shipped (expires 2027-03-01)";

  static final ScanResult RESULT = ScanResult.newBuilder().setScanId("4f0c2a8e-scan").setState(ScanState.DONE)
      .setContext(ScanContext.newBuilder().setProject("acme/payments").setBranch("feature/login")
          .setCommit("3e1f9c2").setRequestedBy("ci"))
      .addScanners(ScannerReport.newBuilder().setScanner("sast").setStatus(ScannerStatus.OK).setFindings(2)
          .setDurationMs(2300))
      .addScanners(ScannerReport.newBuilder().setScanner("sca").setStatus(ScannerStatus.OK).setFindings(2)
          .setDurationMs(900))
      .addScanners(ScannerReport.newBuilder().setScanner("container").setStatus(ScannerStatus.FAILED)
          .setMessage("deadline exceeded after 120 s").setDurationMs(120_000))
      .setDecision(Decision.newBuilder().setScanId("4f0c2a8e-scan").setVerdict(Verdict.ERROR).setRiskScore(98)
          .setDecidedAt("2026-11-29T04:50:12Z").setPolicyVersion("p-7f3a")
          .addReasons("ERROR scanner 'container' FAILED: deadline exceeded after 120 s")
          .addReasons("DENY severity: 2 findings are CRITICAL: GHSA-jfh8-c2jp-5v3q in org.apache.logging.log4j:"
              + "log4j-core 2.14.1 (pom.xml) [risk 98]; secret.aws-access-key in config/application.properties:7 "
              + "[risk 95]")
          .addReasons("DENY secrets: 1 finding are committed secrets: secret.aws-access-key in "
              + "config/application.properties:7 [risk 95]"))
      .addFindings(EvaluatedFinding.newBuilder().setFinding(SQLI).setRiskScore(80).setStatus(FindingStatus.NEW))
      .addFindings(EvaluatedFinding.newBuilder().setFinding(JUNIT).setRiskScore(12)
          .setStatus(FindingStatus.SUPPRESSED).setSuppression(SUPPRESSION))
      .addFindings(EvaluatedFinding.newBuilder().setFinding(LOG4J).setRiskScore(98).setStatus(FindingStatus.EXISTING))
      .addFindings(EvaluatedFinding.newBuilder().setFinding(SECRET).setRiskScore(95).setStatus(FindingStatus.NEW))
      .build();

  static String render(ReportFormat format, ScanResult result) throws IOException {
    var out = new StringWriter();
    format.write(result, out);
    return out.toString();
  }

  static JsonNode renderJson(ReportFormat format) throws IOException {
    return new ObjectMapper().readTree(render(format, RESULT));
  }
}
