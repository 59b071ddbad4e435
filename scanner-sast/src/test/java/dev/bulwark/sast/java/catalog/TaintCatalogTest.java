package dev.bulwark.sast.java.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.java.JavaTaintAnalyzer;
import dev.bulwark.sast.java.rules.RuleBook;
import dev.bulwark.v1.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The taint catalogue is data: it loads, it is consistent, and an added entry changes what is found. */
class TaintCatalogTest {
  private static final String SERVLET = """
      class S extends javax.servlet.http.HttpServlet {
        void doGet(javax.servlet.http.HttpServletRequest request) throws Exception {
          String p = request.getParameter("p");
          org.acme.Shell.run("ls " + p);
        }
      }""";

  private static byte[] builtInYaml() throws Exception {
    try (var in = TaintCatalog.class.getResourceAsStream("/dev/bulwark/sast/java/taint.yaml")) {
      return in.readAllBytes();
    }
  }

  private static List<Finding> analyze(TaintCatalog catalog) {
    var out = new ArrayList<Finding>();
    new JavaTaintAnalyzer(catalog, RuleBook.builtIn()).analyze(SourceFile.of("S.java", SERVLET), Project.EMPTY, out::add);
    return out;
  }

  @Test
  @DisplayName("the built-in catalogue gives every family its own bit and names a hash of its text")
  void builtInIsConsistent() {
    var catalog = TaintCatalog.builtIn();
    assertThat(catalog.families()).extracting(SinkFamily::bit).doesNotHaveDuplicates();
    assertThat(catalog.allBits()).isEqualTo((1 << catalog.families().size()) - 1);
    assertThat(catalog.hash()).matches("[0-9a-f]{16}");
    assertThat(catalog.sinks().calls("executeQuery")).extracting(s -> s.family().id()).containsExactly("sql");
    assertThat(catalog.sanitiser("parseInt")).isEqualTo(catalog.allBits());
  }

  @Test
  @DisplayName("a sink added to the YAML is a sink: the same code is reported only with the new entry")
  void addingAnEntryAddsASink() throws Exception {
    assertThat(analyze(TaintCatalog.builtIn())).isEmpty();
    String yaml = new String(builtInYaml(), StandardCharsets.UTF_8).replace("\nsanitisers:",
        "\n  - family: command\n    statics: [Shell.run]\n\nsanitisers:");
    var extended = TaintCatalog.parse(yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(analyze(extended)).singleElement().satisfies(f -> {
      assertThat(f.getCweList()).containsExactly(78);
      assertThat(f.getTitle()).contains("Shell.run");
    });
  }

  @Test
  @DisplayName("a sink naming an unknown family is refused with a message naming it")
  void unknownFamilyIsAClearError() throws Exception {
    String yaml = new String(builtInYaml(), StandardCharsets.UTF_8).replace("\nsanitisers:",
        "\n  - family: telepathy\n    statics: [Mind.read]\n\nsanitisers:");
    assertThatThrownBy(() -> TaintCatalog.parse(yaml.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("telepathy");
  }
}
