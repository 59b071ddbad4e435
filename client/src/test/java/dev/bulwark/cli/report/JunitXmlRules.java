package dev.bulwark.cli.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A strict check of the Jenkins JUnit XML shape beyond what an XML Schema can say (the schema
 * itself is checked by {@link JunitSchemaTest}): the attributes junit-10.xsd allows, numbers where
 * numbers go, at most one outcome per test case, and suite and run counts that add up.
 */
final class JunitXmlRules {
  private static final Set<String> SUITES_ATTRS = Set.of("name", "time", "tests", "failures", "errors");
  private static final Set<String> SUITE_ATTRS = Set.of("name", "tests", "failures", "errors", "skipped", "time",
      "timestamp", "hostname", "id", "package", "file", "log", "url", "group");
  private static final Set<String> SUITE_CHILDREN = Set.of("properties", "testcase", "system-out", "system-err");
  private static final Set<String> CASE_ATTRS = Set.of("name", "classname", "time", "group");
  private static final Set<String> CASE_CHILDREN = Set.of("skipped", "error", "failure", "system-out", "system-err");
  private static final Set<String> OUTCOMES = Set.of("skipped", "error", "failure");
  private static final Map<String, Set<String>> OUTCOME_ATTRS = Map.of("skipped", Set.of("message"),
      "error", Set.of("message", "type"), "failure", Set.of("message", "type"));

  private JunitXmlRules() {}

  static Document parse(String xml) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  /** Everything wrong with the document; empty when it follows the rules. */
  static List<String> problems(Document doc) {
    var problems = new ArrayList<String>();
    Element root = doc.getDocumentElement();
    if (!root.getTagName().equals("testsuites")) {
      problems.add("root is <" + root.getTagName() + ">, not <testsuites>");
      return problems;
    }
    attributes(root, SUITES_ATTRS, Set.of(), problems);
    int[] total = new int[4];
    for (Element suite : children(root, Set.of("testsuite"), problems)) {
      attributes(suite, SUITE_ATTRS, Set.of("name", "tests"), problems);
      int[] counted = new int[4];
      for (Element tc : children(suite, SUITE_CHILDREN, problems)) {
        if (!tc.getTagName().equals("testcase")) {
          continue;
        }
        counted[0]++;
        attributes(tc, CASE_ATTRS, Set.of("name", "classname"), problems);
        var outcomes = children(tc, CASE_CHILDREN, problems).stream()
            .filter(e -> OUTCOMES.contains(e.getTagName())).toList();
        if (outcomes.size() > 1) {
          problems.add("testcase '" + tc.getAttribute("name") + "' has " + outcomes.size() + " outcomes");
        }
        for (Element outcome : outcomes) {
          attributes(outcome, OUTCOME_ATTRS.get(outcome.getTagName()), Set.of(), problems);
          counted[switch (outcome.getTagName()) {
            case "failure" -> 1;
            case "error" -> 2;
            default -> 3;
          }]++;
        }
      }
      check(suite, counted, problems);
      for (int i = 0; i < 4; i++) {
        total[i] += counted[i];
      }
    }
    check(root, total, problems);
    return problems;
  }

  private static void check(Element e, int[] counted, List<String> problems) {
    String[] names = {"tests", "failures", "errors", "skipped"};
    for (int i = 0; i < 4; i++) {
      if (e.hasAttribute(names[i]) && !e.getAttribute(names[i]).equals(String.valueOf(counted[i]))) {
        problems.add("<" + e.getTagName() + " name='" + e.getAttribute("name") + "'> says " + names[i] + "="
            + e.getAttribute(names[i]) + " but has " + counted[i]);
      }
    }
  }

  private static void attributes(Element e, Set<String> allowed, Set<String> required, List<String> problems) {
    var attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      String name = attrs.item(i).getNodeName();
      String value = attrs.item(i).getNodeValue();
      if (!allowed.contains(name)) {
        problems.add("<" + e.getTagName() + "> has unknown attribute " + name);
      } else if (Set.of("tests", "failures", "errors", "skipped", "disabled", "assertions", "id").contains(name)
          && !value.matches("\\d+")) {
        problems.add("<" + e.getTagName() + "> " + name + "='" + value + "' is not a count");
      } else if (name.equals("time") && !value.matches("\\d+(\\.\\d+)?")) {
        problems.add("<" + e.getTagName() + "> time='" + value + "' is not seconds");
      } else if (name.equals("timestamp") && !value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*")) {
        problems.add("<" + e.getTagName() + "> timestamp='" + value + "' is not ISO 8601");
      }
    }
    required.stream().filter(r -> e.getAttribute(r).isBlank())
        .forEach(r -> problems.add("<" + e.getTagName() + "> lacks " + r));
  }

  private static List<Element> children(Element parent, Set<String> allowed, List<String> problems) {
    var elements = new ArrayList<Element>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (!allowed.contains(e.getTagName())) {
          problems.add("<" + parent.getTagName() + "> may not contain <" + e.getTagName() + ">");
        }
        elements.add(e);
      } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()
          && !Set.of("failure", "error", "skipped", "system-out", "system-err").contains(parent.getTagName())) {
        problems.add("<" + parent.getTagName() + "> has stray text");
      }
    }
    return elements;
  }
}
