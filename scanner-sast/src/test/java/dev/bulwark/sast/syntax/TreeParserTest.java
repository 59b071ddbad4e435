package dev.bulwark.sast.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TreeParserTest {

  @Test
  @DisplayName("offsets are Java character offsets and lines are 1-based, also after non-ASCII text")
  void offsetsAreCharacters() {
    String code = "const é = '日本😀';\neval(req.query.x);\n";
    var tree = ((TreeParser.Result.Parsed) TreeParser.parse(Grammar.JAVASCRIPT, code)).tree();
    var call = tree.root().child(1).child(0);
    assertThat(call.type()).isEqualTo("call_expression");
    assertThat(call.text()).isEqualTo("eval(req.query.x)");
    assertThat(call.line()).isEqualTo(2);
    assertThat(call.field("function").text()).isEqualTo("eval");
    assertThat(tree.errorLines()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: hostile input gives a tree or a reason, never a crash")
  @EnumSource(Grammar.class)
  void hostileInputIsSurvived(Grammar g) {
    var random = new Random(g.ordinal());
    String alphabet = " (){}[]<>\"'`$#/\\*;:,.=+-!?@&|%^~\nabcdefif\u0000";
    var inputs = new ArrayList<String>(List.of("(".repeat(3_000), "[".repeat(1_000) + "]".repeat(1_000),
        "a+".repeat(3_000) + "a", "{".repeat(2_000), "<?php " + "(".repeat(2_000), ""));
    for (int i = 0; i < 10; i++) {
      var sb = new StringBuilder();
      for (int j = random.nextInt(1500); j > 0; j--) {
        sb.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      inputs.add(sb.toString());
    }
    for (String s : inputs) {
      var r = TreeParser.parse(g, s, 2_000_000);
      if (r instanceof TreeParser.Result.Parsed p) {
        assertThat(p.tree().root()).isNotNull();
      } else {
        assertThat(((TreeParser.Result.Unparsable) r).reason()).contains("gave up");
      }
    }
    String nested = (g == Grammar.PHP ? "<?php " : "") + "(".repeat(3_000);
    var deep = TreeParser.parse(g, nested);
    if (deep instanceof TreeParser.Result.Parsed p) {
      assertThat(p.tree().truncated() || !p.tree().errorLines().isEmpty()).as("cut or recovered").isTrue();
    }
  }

  @Test
  @DisplayName("a parse over its time limit is reported as unparsable (the binding would crash on its null tree)")
  void timeoutIsAReason() {
    var r = TreeParser.parse(Grammar.JAVASCRIPT, "\"".repeat(100_001), 50_000);
    assertThat(r).isInstanceOf(TreeParser.Result.Unparsable.class);
    assertThat(TreeParser.parse(Grammar.JAVASCRIPT, "ok();")).isInstanceOf(TreeParser.Result.Parsed.class);
  }

  @Test
  @DisplayName("parsers are per thread: four threads parsing all grammars at once get the trees one thread gets")
  void parsersArePerThread() throws Exception {
    String code = "function f(a) { if (a) { return g(a, [1, 2, {b: 3}]); } }\n".repeat(3);
    String expected = shape(Grammar.JAVASCRIPT, code);
    var pool = Executors.newFixedThreadPool(4);
    try {
      var futures = new ArrayList<Future<String>>();
      for (int t = 0; t < 4; t++) {
        Callable<String> job = () -> {
          String last = "";
          for (int i = 0; i < 15; i++) {
            for (Grammar g : Grammar.values()) {
              TreeParser.parse(g, code);
            }
            last = shape(Grammar.JAVASCRIPT, code);
            if (!last.equals(expected)) {
              return last;
            }
          }
          return last;
        };
        futures.add(pool.submit(job));
      }
      for (var f : futures) {
        assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String shape(Grammar g, String code) {
    var sb = new StringBuilder();
    walk(((TreeParser.Result.Parsed) TreeParser.parse(g, code)).tree().root(), sb);
    return sb.toString();
  }

  private static void walk(SyntaxNode n, StringBuilder sb) {
    sb.append(n.type()).append(n.start()).append('(');
    n.children().forEach(c -> walk(c, sb));
    sb.append(')');
  }

  @Test
  @DisplayName("the native libraries go to the configured folder, and work when the home folder cannot be written")
  void extractionFolderIsConfigurable(@TempDir Path tmp) throws Exception {
    Path notADir = Files.writeString(tmp.resolve("home-is-a-file"), "x");
    Path configured = tmp.resolve("native");
    var out = probe("-D" + NativeLibraries.DIR_PROPERTY + "=" + configured, "-Duser.home=" + notADir.resolve("home"));
    assertThat(out).contains("dir=" + configured);
    try (var files = Files.walk(configured)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.contains("tree-sitter-javascript")).anyMatch(n -> n.contains("tree-sitter-c-sharp"));
    }
  }

  @Test
  @DisplayName("without a setting the libraries go to a private folder under java.io.tmpdir, removed at exit")
  void defaultFolderIsPrivateAndTemporary(@TempDir Path tmp) throws Exception {
    Path notADir = Files.writeString(tmp.resolve("home-is-a-file"), "x");
    Path tmpdir = Files.createDirectories(tmp.resolve("tmp"));
    var out = probe("-Djava.io.tmpdir=" + tmpdir, "-Duser.home=" + notADir.resolve("home"));
    assertThat(out).contains("dir=" + tmpdir.resolve("bulwark-tree-sitter-"));
    try (var left = Files.list(tmpdir)) {
      assertThat(left).as("removed at exit").isEmpty();
    }
  }

  private static String probe(String... jvmArgs) throws Exception {
    var cmd = new ArrayList<String>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NativeProbe.class.getName(), "parse"));
    var process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
