package dev.bulwark.gate.testing;

import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.v1.Advisory;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import java.util.List;

/** Hand-built findings resembling a scan of shared/fixtures/repos/vulnerable-app (see its EXPECTED.md). */
public final class Findings {
  private Findings() {}

  public static Finding dependency(String advisory, String cve, Severity sev, double cvss, String ecosystem,
      String name, String version, Scope scope, boolean direct, String manifest, String... fixed) {
    var purlType = ecosystem.equals("Maven") ? "maven" : ecosystem.equals("npm") ? "npm" : "pypi";
    var f = Finding.newBuilder().setScanner("sca").setRuleId(advisory).setTitle(name + " " + advisory)
        .setSeverity(sev).setCvssScore(cvss)
        .setPackage(Package.newBuilder().setEcosystem(ecosystem).setName(name).setVersion(version).setScope(scope)
            .setDirect(direct).setDirectKnown(true).addAllFixedVersions(List.of(fixed)).setManifestPath(manifest)
            .setPurl("pkg:" + purlType + "/" + name.replace(':', '/') + "@" + version))
        .setAdvisory(Advisory.newBuilder().setId(advisory).addAliases(cve))
        .setConfidence(Confidence.CONFIDENCE_HIGH).setAnalyzer("osv@1").build();
    return Fingerprints.ensure(f);
  }

  public static Finding code(String scanner, String rule, Severity sev, int cwe, String path, int line, String snippet) {
    var f = Finding.newBuilder().setScanner(scanner).setRuleId(rule).setTitle(rule).setSeverity(sev).addCwe(cwe)
        .setLocation(Location.newBuilder().setPath(path).setStartLine(line).setEndLine(line).setSnippet(snippet))
        .setConfidence(Confidence.CONFIDENCE_HIGH).setAnalyzer(scanner + "@1").build();
    return Fingerprints.ensure(f);
  }

  public static final Finding LOG4SHELL = dependency("GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228", Severity.CRITICAL, 10.0,
      "Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", Scope.RUNTIME, true, "pom.xml", "2.15.0");
  public static final Finding JUNIT = dependency("GHSA-269g-pwp5-87pp", "CVE-2020-15250", Severity.MEDIUM, 4.4,
      "Maven", "junit:junit", "4.12", Scope.TEST, true, "pom.xml", "4.13.1");
  public static final Finding JACKSON = dependency("GHSA-288c-cq4h-88gq", "CVE-2019-12086", Severity.HIGH, 7.5,
      "Maven", "com.fasterxml.jackson.core:jackson-databind", "2.9.8", Scope.RUNTIME, true, "pom.xml", "2.9.9");
  public static final Finding NODE_FETCH_DEV = dependency("GHSA-r683-j2x4-v87g", "CVE-2022-0235", Severity.HIGH, 8.8,
      "npm", "node-fetch", "2.6.0", Scope.DEV, true, "web/package-lock.json", "2.6.7");
  public static final Finding MINIMIST = dependency("GHSA-xvch-5gv4-984h", "CVE-2021-44906", Severity.CRITICAL, 9.8,
      "npm", "minimist", "1.2.5", Scope.RUNTIME, false, "web/package-lock.json", "1.2.6");
  public static final Finding SQLI = code("sast", "java.sqli.tainted-query", Severity.HIGH, 89,
      "src/main/java/com/example/shop/OrderServlet.java", 31, "stmt.executeQuery(\"SELECT * FROM orders WHERE id=\" + id)");
  public static final Finding WEAK_RANDOM = code("sast", "java.crypto.weak-random", Severity.MEDIUM, 330,
      "src/main/java/com/example/shop/OrderServlet.java", 52, "new java.util.Random()");
  public static final Finding AWS_KEY = code("sast", "secret.aws-access-key", Severity.HIGH, 798,
      "config/application.properties", 3, "aws.accessKeyId=AKIA****************");
  public static final Finding DB_PASSWORD = code("sast", "config.password-in-properties", Severity.MEDIUM, 798,
      "config/application.properties", 9, "db.password=********");
  public static final Finding DOCKER_ROOT = code("container", "DS-0002", Severity.HIGH, 250, "Dockerfile", 1,
      "FROM node:14");
  public static final Finding LOW_INFO = code("sast", "java.style.todo", Severity.LOW, 0, "src/main/java/A.java", 3,
      "// TODO");

  public static List<Finding> vulnerableApp() {
    return List.of(LOG4SHELL, JUNIT, JACKSON, NODE_FETCH_DEV, MINIMIST, SQLI, WEAK_RANDOM, AWS_KEY, DB_PASSWORD,
        DOCKER_ROOT);
  }

  public static List<ScannerReport> allOk() {
    return List.of(report("sast", ScannerStatus.OK, ""), report("sca", ScannerStatus.OK, ""),
        report("container", ScannerStatus.OK, ""));
  }

  public static ScannerReport report(String scanner, ScannerStatus status, String message) {
    return ScannerReport.newBuilder().setScanner(scanner).setStatus(status).setMessage(message).build();
  }

  public static EvaluateRequest request(String scanId, String project, List<Finding> findings, String repoPolicy) {
    return EvaluateRequest.newBuilder().setScanId(scanId)
        .setContext(ScanContext.newBuilder().setProject(project).setBranch("main").setCommit("abc123")
            .setRequestedBy("ci:job-42"))
        .addAllFindings(findings).addAllScanners(allOk()).setRepoPolicy(repoPolicy)
        .setRepoPolicyPath(repoPolicy.isEmpty() ? "" : ".bulwark.yaml").build();
  }
}
