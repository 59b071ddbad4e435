package dev.bulwark.sast.java.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.VarType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Java is parsed once per text, var shaped only where the word occurs, and walked in JavaParser's order")
class JavaSyntaxTest {
  @Test
  void aLocalDeclaredWithVarHasAVarType() {
    var cu = JavaSyntax.parse("class A { void f() { var x = 1; String y = \"\"; } }");
    var types = cu.findAll(VariableDeclarator.class).stream().map(v -> v.getType().getClass().getSimpleName()).toList();
    assertThat(types).containsExactly("VarType", "ClassOrInterfaceType");
  }

  @Test
  void typesNamedVarAreShapedAsJavaParsersOwnProcessorShapesThem() {
    String text = "class A { var f; void g(java.util.List<String> l) {\n var\tx = f; for (var s : l) {} } }";
    var ours = JavaSyntax.parse(text);
    var theirs = new com.github.javaparser.JavaParser(new com.github.javaparser.ParserConfiguration()
        .setLanguageLevel(JavaSyntax.LEVEL)).parse(text).getResult().orElseThrow();
    assertThat(ours.findAll(VarType.class)).hasSize(3).hasSameSizeAs(theirs.findAll(VarType.class));
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void theWordVarIsFoundOnlyAsAWholeWord() {
    assertThat(JavaSyntax.hasWordVar("var x = 1;")).isTrue();
    assertThat(JavaSyntax.hasWordVar("int y;(var)")).isTrue();
    assertThat(JavaSyntax.hasWordVar("x=1;\nvar")).isTrue();
    assertThat(JavaSyntax.hasWordVar("int variable = invar + var_ + $var + var1;")).isFalse();
    assertThat(JavaSyntax.hasWordVar("")).isFalse();
  }

  @Test
  void codeThatCannotBeParsedIsRejectedWithTheProblem() {
    assertThatThrownBy(() -> JavaSyntax.parse("class A { void f( { }")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot parse Java:");
  }

  @Test
  void positionsAreKept() {
    var cu = JavaSyntax.parse("class A {\n  void f() {\n    int x = 1;\n  }\n}\n");
    var m = cu.findFirst(MethodDeclaration.class).orElseThrow();
    assertThat(m.getBegin().orElseThrow().line).isEqualTo(2);
    assertThat(m.getEnd().orElseThrow().line).isEqualTo(4);
  }

  @Test
  void nodesAreWalkedInJavaParsersPreOrder() throws IOException {
    // real files of this module: every node, in the order Node.walk gives them
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/bulwark/sast/java"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).limit(40).toList()) {
        var cu = JavaSyntax.parse(Files.readString(p));
        var expected = new ArrayList<Node>();
        cu.walk(expected::add);
        var walked = new ArrayList<Node>();
        Nodes.walk(cu, walked::add);
        assertThat(walked).as(p.toString()).containsExactlyElementsOf(expected);
        List<MethodDeclaration> methods = Nodes.findAll(cu, MethodDeclaration.class);
        assertThat(methods).containsExactlyElementsOf(cu.findAll(MethodDeclaration.class));
      }
    }
  }

  @Test
  void aDeepTreeIsWalkedWithoutRecursion() {
    var sum = new StringBuilder("class A { String s = \"a\"");
    sum.append(" + \"b\"".repeat(3000));
    var cu = JavaSyntax.parse(sum.append("; }").toString());
    int[] n = {0};
    Nodes.walk(cu, x -> n[0]++);
    assertThat(n[0]).isGreaterThan(6000);
  }
}
