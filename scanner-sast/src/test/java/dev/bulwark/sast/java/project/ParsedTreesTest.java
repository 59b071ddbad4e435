package dev.bulwark.sast.java.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Parsed trees are kept by the length of their texts, without their tokens, positions intact")
class ParsedTreesTest {
  private static String file(String name, int methods) {
    var text = new StringBuilder("class " + name + " {\n");
    for (int i = 0; i < methods; i++) {
      text.append("  int m").append(i).append("(int x) {\n    return x + ").append(i).append(";\n  }\n");
    }
    return text.append("}\n").toString();
  }

  @Test
  void aTreeIsReusedWhileItsTextFitsTheBudget() {
    String a = file("A", 10);
    String b = file("B", 10);
    var trees = new ParsedTrees(a.length() + b.length());
    var first = trees.parse("A.java", a);
    trees.parse("B.java", b);
    assertThat(trees.parse("A.java", a)).isSameAs(first);
    assertThat(trees.chars()).isEqualTo(a.length() + b.length());
  }

  @Test
  void theLeastRecentlyUsedGoesWhenTheTextsExceedTheBudget() {
    String a = file("A", 10);
    String b = file("B", 10);
    String c = file("C", 10);
    var trees = new ParsedTrees(a.length() + b.length());
    var treeA = trees.parse("A.java", a);
    var treeB = trees.parse("B.java", b);
    trees.parse("A.java", a); // A is now the most recently used
    trees.parse("C.java", c);
    assertThat(trees.parse("A.java", a)).isSameAs(treeA);
    assertThat(trees.parse("B.java", b)).isNotSameAs(treeB);
    assertThat(trees.chars()).isLessThanOrEqualTo(a.length() + b.length());
  }

  @Test
  void aChangedTextIsParsedAgain() {
    var trees = new ParsedTrees(1 << 20);
    var before = trees.parse("A.java", file("A", 2));
    var after = trees.parse("A.java", file("A", 3));
    assertThat(after).isNotSameAs(before);
    assertThat(after.findAll(MethodDeclaration.class)).hasSize(3);
    assertThat(trees.chars()).isEqualTo(file("A", 3).length());
  }

  @Test
  void keptTreesHaveNoTokensButTheirPositions() {
    var cu = new ParsedTrees(1 << 20).parse("A.java", file("A", 3));
    cu.walk(n -> assertThat(n.getTokenRange()).isEmpty());
    var third = cu.findAll(MethodDeclaration.class).get(2);
    assertThat(third.getBegin().orElseThrow().line).isEqualTo(8);
    assertThat(third.getEnd().orElseThrow().line).isEqualTo(10);
    assertThat(third.getBody().orElseThrow().getStatement(0).toString()).isEqualTo("return x + 2;");
    assertThat(cu.findAll(Node.class).stream().allMatch(n -> n.getRange().isPresent())).isTrue();
  }
}
