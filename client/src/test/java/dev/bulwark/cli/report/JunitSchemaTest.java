package dev.bulwark.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.Decision;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.Verdict;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The JUnit report against an XML Schema of the Jenkins JUnit dialect (junit-10.xsd, restated in
 * {@code schema/junit-jenkins-10.restated.xsd}; see its header), validated with
 * {@code javax.xml.validation}: every complaint of the validator is a failure.
 */
@DisplayName("the JUnit XML report validates against the Jenkins junit-10 schema")
class JunitSchemaTest {
  static final String XSD = "/schema/junit-jenkins-10.restated.xsd";

  static Schema schema() throws Exception {
    var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory.newSchema(JunitSchemaTest.class.getResource(XSD));
  }

  /** Every error the validator reports (it goes on after the first). */
  static List<String> problems(String xml) throws Exception {
    var problems = new ArrayList<String>();
    var validator = schema().newValidator();
    validator.setErrorHandler(new ErrorHandler() {
      public void warning(SAXParseException e) {}

      public void error(SAXParseException e) {
        problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      public void fatalError(SAXParseException e) {
        problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }
    });
    try {
      validator.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      // already recorded by the error handler
    }
    return problems;
  }

  @Test
  @DisplayName("a FAIL with findings, suppressions, a failed scanner and reasons is valid")
  void failingScanIsValid() throws Exception {
    String xml = ReportSamples.render(ReportFormat.JUNIT, ReportSamples.RESULT);
    assertThat(problems(xml)).isEmpty();
  }

  @Test
  @DisplayName("a PASS without findings is valid")
  void passingScanIsValid() throws Exception {
    var pass = ScanResult.newBuilder(ReportSamples.RESULT).clearFindings().setDecision(
        Decision.newBuilder(ReportSamples.RESULT.getDecision()).setVerdict(Verdict.PASS).clearReasons()
            .addReasons("PASS: 0 findings (0 suppressed), none denied by (built-in default)")).build();
    assertThat(problems(ReportSamples.render(ReportFormat.JUNIT, pass))).isEmpty();
  }

  @Test
  @DisplayName("the schema is really applied: a test case without name, an unknown element and a bad time are caught")
  void theSchemaBites() throws Exception {
    String xml = ReportSamples.render(ReportFormat.JUNIT, ReportSamples.RESULT);
    assertThat(problems(xml.replaceFirst("<testcase classname=", "<testcase nom=\"x\" classname=")
        .replaceFirst(" name=\"scanner-status\"", "")))
        .anyMatch(p -> p.contains("'nom'")).anyMatch(p -> p.contains("'name'") && p.contains("testcase"));
    assertThat(problems(xml.replaceFirst("<system-out>", "<stdout/><system-out>")))
        .anyMatch(p -> p.contains("stdout"));
    assertThat(problems(xml.replaceFirst("time=\"[0-9.]+\"", "time=\"1 minute\"")))
        .anyMatch(p -> p.contains("1 minute"));
  }
}
