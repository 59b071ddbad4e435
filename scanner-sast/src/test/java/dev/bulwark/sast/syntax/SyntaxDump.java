package dev.bulwark.sast.syntax;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Prints a file's tree (types, fields, lines): {@code SyntaxDump <grammar> <file>}, for rule authors. */
public final class SyntaxDump {
  private SyntaxDump() {}

  public static void main(String[] args) throws Exception {
    var grammar = Grammar.valueOf(args[0].toUpperCase(Locale.ROOT));
    var result = TreeParser.parse(grammar, Files.readString(Path.of(args[1])));
    if (result instanceof TreeParser.Result.Parsed p) {
      print(p.tree().root(), 0);
      System.out.println("errors at " + p.tree().errorLines());
    } else {
      System.out.println(result);
    }
  }

  static void print(SyntaxNode n, int depth) {
    if (!n.named()) {
      return;
    }
    String leaf = n.childCount() == 0 || n.type().contains("identifier") ? " '" + n.text().replace("\n", "\\n") + "'" : "";
    System.out.println("  ".repeat(depth) + (n.field() == null ? "" : n.field() + ": ") + n.type() + " L" + n.line() + leaf);
    for (var c : n.children()) {
      print(c, depth + 1);
    }
  }
}
