package dev.bulwark.sast.lang;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.syntax.Grammar;
import dev.bulwark.sast.syntax.SyntaxTree;
import dev.bulwark.sast.taint.Module;
import java.util.List;

/**
 * One language on tree-sitter: its file extensions, the grammars a file is parsed with (the
 * first that parses without errors wins), how its tree is lowered, and how a name it imports is
 * found among the project's files.
 */
public record Language(String name, List<String> extensions, GrammarChoice grammars, LoweringFactory lowering,
    Linker linker) {

  /** The grammars to try for a file, in order. */
  public interface GrammarChoice {
    List<Grammar> forPath(String path);
  }

  public interface LoweringFactory {
    Lowering create(String path, SyntaxTree tree, EntryPoints entryPoints);
  }

  /**
   * Finds project files: {@code spec} is what the file imported ({@code ./db}, {@code app.models}),
   * or {@code class:Name} for a class used by name, or {@code package:} for the other files of
   * the same package.
   */
  public interface Linker {
    List<String> files(Module from, String spec, Project project);
  }
}
