package dev.bulwark.sast.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Taint that crosses files (method summaries of other classes of the project) and fields. */
class JavaProjectFlowTest {
  private static final String SERVLET_HEAD = """
      package app.web;
      import javax.servlet.http.*;
      public class %s extends HttpServlet {
      """;

  private static final String DB = """
      package app.data;
      public class Db {
        public static void run(String where) throws Exception {
          java.sql.Statement st = java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement();
          st.executeQuery("select * from users where " + where);
        }
        public static void runFixed(String ignored) throws Exception {
          java.sql.Statement st = java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement();
          st.executeQuery("select * from users");
        }
      }
      """;

  private static final String TEXT = """
      package app.util;
      public class Text {
        public static String same(String s) { return s.trim(); }
        public static String fixed(String s) { return "constant"; }
        public static String digits(String s) { return String.valueOf(Integer.parseInt(s)); }
        public String viaInstance(String s) { return Text.same(s); }
        public static String param(javax.servlet.http.HttpServletRequest r) { return r.getParameter("q"); }
        public static String header(javax.servlet.http.HttpServletRequest r) { return "fixed"; }
      }
      """;

  private static final String HOLDER = """
      package app.util;
      public class Holder {
        private final String value;
        public Holder(String value) { this.value = value; }
        public String get() { return value; }
      }
      """;

  /** Analyses the first file of the project; all files are readable through the project. */
  private static List<Finding> analyze(Map<String, String> files) {
    var project = new Project(path -> Optional.ofNullable(files.get(path)));
    files.keySet().forEach(project::addPath);
    var first = files.entrySet().iterator().next();
    var out = new ArrayList<Finding>();
    new JavaTaintAnalyzer().analyze(SourceFile.of(first.getKey(), first.getValue()), project, out::add);
    return out;
  }

  private static Map<String, String> project(String servlet) {
    var files = new LinkedHashMap<String, String>();
    files.put("src/main/java/app/web/S.java", servlet);
    files.put("src/main/java/app/data/Db.java", DB);
    files.put("src/main/java/app/util/Text.java", TEXT);
    files.put("src/main/java/app/util/Holder.java", HOLDER);
    return files;
  }

  private static String servlet(String body) {
    return SERVLET_HEAD.formatted("S") + """
          public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
            String p = request.getParameter("p");
        """ + body + "\n  }\n}\n";
  }

  private static List<Integer> sqlLines(List<Finding> findings) {
    return findings.stream().filter(f -> f.getCweList().contains(89)).map(f -> f.getLocation().getStartLine()).toList();
  }

  @Test
  @DisplayName("request data passed to a method of another file that runs it as SQL is reported at the call")
  void sinkInsideAnotherFile() {
    var findings = analyze(project(servlet("    app.data.Db.run(p);")));
    assertThat(sqlLines(findings)).containsExactly(6);
    assertThat(findings.get(0).getTitle()).contains("in Db.run");
  }

  @Test
  @DisplayName("a method of another file that ignores its argument is not a sink for it")
  void calleeThatIgnoresItsArgument() {
    assertThat(sqlLines(analyze(project(servlet("    app.data.Db.runFixed(p);"))))).isEmpty();
  }

  @Test
  @DisplayName("what a method of another file returns carries its argument's taint, or not")
  void returnValuesOfOtherFiles() {
    String body = """
            java.sql.Statement st = java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement();
            st.executeQuery("select " + app.util.Text.same(p));
            st.executeQuery("select " + app.util.Text.fixed(p));
            st.executeQuery("select " + app.util.Text.digits(p));
            app.util.Text t = new app.util.Text();
            st.executeQuery("select " + t.viaInstance(p));
        """;
    assertThat(sqlLines(analyze(project(servlet(body))))).containsExactly(7, 11);
  }

  @Test
  @DisplayName("a call to a class the project does not have keeps the default: the result carries the argument")
  void unknownClassesPropagate() {
    String body = """
            java.sql.Statement st = java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement();
            st.executeQuery("select " + com.vendor.Lib.fixed(p));
        """;
    assertThat(sqlLines(analyze(project(servlet(body))))).containsExactly(7);
  }

  @Test
  @DisplayName("request data stored in a field by one method reaches a sink in another")
  void taintThroughFields() {
    String code = SERVLET_HEAD.formatted("S") + """
          private String filter;
          private String label = "x";
          public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
            this.filter = request.getParameter("f");
            label = "fixed";
            search();
          }
          private void search() throws Exception {
            java.sql.Statement st = java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement();
            st.executeQuery("select * from t where " + filter);
            st.executeQuery("select * from t where " + label);
          }
        }
        """;
    var files = new LinkedHashMap<String, String>();
    files.put("S.java", code);
    assertThat(sqlLines(analyze(files))).containsExactly(13);
  }

  @Test
  @DisplayName("a local variable that shadows a tainted field is its own value")
  void localsShadowFields() {
    String code = SERVLET_HEAD.formatted("S") + """
          private String filter;
          public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
            filter = request.getParameter("f");
          }
          private void search() throws Exception {
            String filter = "fixed";
            java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement().executeQuery("select " + filter);
          }
        }
        """;
    var files = new LinkedHashMap<String, String>();
    files.put("S.java", code);
    assertThat(sqlLines(analyze(files))).isEmpty();
  }

  @Test
  @DisplayName("a file of the project that does not parse is skipped: the call keeps the default")
  void unparsableCallee() {
    var files = project(servlet("""
            java.sql.Statement st = java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement();
            st.executeQuery("select " + app.util.Text.fixed(p));
        """));
    files.put("src/main/java/app/util/Text.java", "public class Text { this is not java");
    assertThat(sqlLines(analyze(files))).containsExactly(7);
  }

  @Test
  @DisplayName("a method of another file that reads the request it is given is a source; one that does not is not")
  void requestPassedToAnotherFile() {
    String body = """
            java.sql.Statement st = java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement();
            st.executeQuery("select " + app.util.Text.param(request));
            st.executeQuery("select " + app.util.Text.header(request));
        """;
    assertThat(sqlLines(analyze(project(servlet(body))))).containsExactly(7);
  }

  @Test
  @DisplayName("an object built from request data keeps it: a getter on it is tainted (fields across objects are not followed)")
  void taintedReceiverKeepsTheDefault() {
    String body = """
            java.sql.Statement st = java.sql.DriverManager.getConnection("jdbc:h2:mem:x").createStatement();
            st.executeQuery("select " + new app.util.Holder(p).get());
            st.executeQuery("select " + new app.util.Holder("fixed").get());
        """;
    assertThat(sqlLines(analyze(project(servlet(body))))).containsExactly(7);
  }
}
