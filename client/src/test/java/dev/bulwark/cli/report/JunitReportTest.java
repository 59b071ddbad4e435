package dev.bulwark.cli.report;

import static dev.bulwark.cli.report.ReportSamples.RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.Decision;
import dev.bulwark.v1.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReportTest {
  static Document render(dev.bulwark.v1.ScanResult result) throws Exception {
    return JunitXmlRules.parse(ReportSamples.render(ReportFormat.JUNIT, result));
  }

  static List<Element> elements(Element parent, String tag) {
    var list = new ArrayList<Element>();
    var nodes = parent.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  static Element suite(Document doc, String name) {
    return elements(doc.getDocumentElement(), "testsuite").stream()
        .filter(s -> s.getAttribute("name").equals(name)).findFirst().orElseThrow();
  }

  static Element testcase(Element suite, String classname) {
    return elements(suite, "testcase").stream().filter(t -> t.getAttribute("classname").equals(classname))
        .findFirst().orElseThrow();
  }

  @Test
  void theReportFollowsTheJenkinsJunitShapeAndItsCountsAddUp() throws Exception {
    var doc = render(RESULT);

    assertThat(JunitXmlRules.problems(doc)).isEmpty();
    var root = doc.getDocumentElement();
    // 3 reasons + 3 scanner statuses + 4 findings
    assertThat(root.getAttribute("tests")).isEqualTo("10");
    assertThat(root.getAttribute("failures")).isEqualTo("5"); // 2 DENY reasons + 3 standing findings
    assertThat(root.getAttribute("errors")).isEqualTo("2"); // ERROR reason + FAILED container
    assertThat(root.hasAttribute("skipped")).as("junit-10.xsd has no skipped count on testsuites").isFalse();
    assertThat(suite(doc, "bulwark.sca").getAttribute("skipped")).isEqualTo("1"); // suppressed junit
  }

  @Test
  void theStrictCheckIsRealMiscountsAndTwoOutcomesAreCaught() throws Exception {
    var doc = render(RESULT);
    var sca = suite(doc, "bulwark.sca");
    sca.setAttribute("failures", "0");
    var log4j = testcase(sca, "bulwark.sca.GHSA-jfh8-c2jp-5v3q");
    log4j.appendChild(doc.createElement("skipped"));

    assertThat(JunitXmlRules.problems(doc))
        .anyMatch(p -> p.contains("failures=0 but has 1")).anyMatch(p -> p.contains("2 outcomes"));
  }

  @Test
  void thePolicySuiteHasOneCasePerReasonDenyFailsErrorErrs() throws Exception {
    var policy = suite(render(RESULT), "bulwark.policy");
    var cases = elements(policy, "testcase");

    assertThat(cases).hasSize(3);
    assertThat(elements(cases.get(0), "error").get(0).getAttribute("message")).contains("container");
    assertThat(elements(cases.get(1), "failure").get(0).getAttribute("type")).isEqualTo("DENY");
    assertThat(elements(cases.get(2), "failure").get(0).getTextContent()).startsWith("DENY secrets");
  }

  @Test
  void eachScannerIsASuiteAndAFailedScannerIsAnError() throws Exception {
    var doc = render(RESULT);
    var container = suite(doc, "bulwark.container");

    assertThat(container.getAttribute("errors")).isEqualTo("1");
    assertThat(container.getAttribute("time")).isEqualTo("120.000");
    var status = testcase(container, "bulwark.container");
    assertThat(status.getAttribute("name")).isEqualTo("scanner-status");
    assertThat(elements(status, "error").get(0).getAttribute("message")).contains("deadline exceeded");
    assertThat(elements(testcase(suite(doc, "bulwark.sast"), "bulwark.sast"), "error")).isEmpty();
  }

  @Test
  void standingFindingsFailWithSeverityAndDetailsAndSuppressedOnesAreSkippedWithTheReason() throws Exception {
    var doc = render(RESULT);
    var sqli = testcase(suite(doc, "bulwark.sast"), "bulwark.sast.java.sqli.tainted-query");
    assertThat(sqli.getAttribute("name")).isEqualTo("src/main/java/com/acme/UserDao.java:42");
    var failure = elements(sqli, "failure").get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("HIGH");
    assertThat(failure.getAttribute("message")).isEqualTo("SQL query built from request input");
    assertThat(failure.getTextContent()).contains("CWE-89", "risk 80", "status NEW", "use a PreparedStatement");

    var log4j = testcase(suite(doc, "bulwark.sca"), "bulwark.sca.GHSA-jfh8-c2jp-5v3q");
    assertThat(log4j.getAttribute("name")).isEqualTo("org.apache.logging.log4j:log4j-core@2.14.1 (pom.xml:31)");
    assertThat(elements(log4j, "failure").get(0).getAttribute("type")).isEqualTo("CRITICAL");

    var junit = testcase(suite(doc, "bulwark.sca"), "bulwark.sca.GHSA-269g-pwp5-87pp");
    assertThat(elements(junit, "failure")).isEmpty();
    assertThat(elements(junit, "skipped").get(0).getAttribute("message")).contains(ReportSamples.SUPPRESSION);
  }

  @Test
  void whenThePolicyDeniesNothingFindingsPassWithTheirDetailsInSystemOut() throws Exception {
    var passing = RESULT.toBuilder().clearScanners().setDecision(Decision.newBuilder().setVerdict(Verdict.PASS)
        .addReasons("PASS: 4 findings (1 suppressed), none denied by .bulwark.yaml")).build();
    var doc = render(passing);

    assertThat(JunitXmlRules.problems(doc)).isEmpty();
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    var sqli = testcase(suite(doc, "bulwark.sast"), "bulwark.sast.java.sqli.tainted-query");
    assertThat(elements(sqli, "system-out").get(0).getTextContent()).contains("HIGH SQL query built");
  }
}
