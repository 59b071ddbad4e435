package dev.bulwark.sast.core;

import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One rule family of the SAST scanner (secrets, Java taint, a language's pattern pack). Each
 * says which files it wants and carries a version, so cached results can be invalidated.
 */
public interface Analyzer {
  String name();

  String version();

  /** True when this analyzer wants to read the file at this relative path. */
  boolean accepts(String path);

  /** Reports the file's findings; throws on input it cannot understand (the scan goes on). */
  void analyze(SourceFile file, Project project, Consumer<Finding> out) throws Exception;

  /**
   * Whether {@link #analyze} may run for several files at once (on several threads): the engine
   * then spreads this analyzer's files over the cores. Findings are reported in file order all
   * the same.
   */
  default boolean threadSafe() {
    return false;
  }

  /** Rule packs this analyzer loads, for {@code Describe}. */
  default List<DatabaseInfo> databases() {
    return List.of();
  }

  /**
   * Today's answer to a question this analyzer asked of a file's text while analysing another file
   * ({@link Project#derived}), so that the results cache can tell whether a change of that file
   * changed the answer; empty when the query is not one of its own. {@code project} is the scan's.
   */
  default Optional<String> derived(String path, String query, Project project) {
    return Optional.empty();
  }

  /** "name@version", as it goes into every finding. */
  default String id() {
    return name() + "@" + version();
  }
}
