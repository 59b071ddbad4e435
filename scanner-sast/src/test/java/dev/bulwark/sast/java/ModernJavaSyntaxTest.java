package dev.bulwark.sast.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Java 21+ syntax (sealed types, records, record and type patterns in switch and instanceof,
 * guards, unnamed variables, text blocks) is parsed, and taint flows through it.
 */
@DisplayName("Java 21+ syntax is read and taint flows through patterns, records and switch expressions")
class ModernJavaSyntaxTest {
  private static final String SERVLET = """
      package app;
      import javax.servlet.http.*;
      sealed interface Shape permits Circle, Named {}
      record Circle(double r) implements Shape {}
      record Named(String name) implements Shape {}
      public class S extends HttpServlet {
        static String label(Shape s) {
          return switch (s) {
            case Circle c when c.r() > 10 -> "big";
            case Circle(double r) -> "circle";
            case Named(var n) -> n;
          };
        }
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
          String cmd = req.getParameter("c");
          try {
            Runtime.getRuntime().exec(cmd);
          } catch (Exception _) {
          }
          Object o = cmd;
          if (o instanceof String str && !str.isEmpty()) {
            resp.getWriter().println(str);
          }
          String sql = \"""
              select * from t where name = '\""" + label(new Named(req.getParameter("n"))) + "'";
          java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement().executeQuery(sql);
          resp.getWriter().println(label(new Circle(2)));
        }
      }
      """;

  private static List<Finding> analyze(String text) {
    var project = new Project(path -> Optional.empty());
    var out = new ArrayList<Finding>();
    new JavaTaintAnalyzer().analyze(SourceFile.of("src/main/java/app/S.java", text), project, out::add);
    return out;
  }

  @Test
  void flowsThroughModernSyntaxAreFound() {
    var found = analyze(SERVLET).stream().map(f -> f.getRuleId() + "@" + f.getLocation().getStartLine()).toList();
    assertThat(found).contains("java.cmdi.tainted-command@17", "java.xss.tainted-response@22",
        "java.sqli.tainted-query@26");
    assertThat(found).as("a constant through the record pattern is not tainted").doesNotContain(
        "java.xss.tainted-response@27");
  }
}
