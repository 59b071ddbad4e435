package dev.bulwark.container.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Dockerfile instruction after continuations and comments are folded away.
 *
 * @param keyword   upper-case instruction name ("RUN", "FROM", ...)
 * @param flags     leading {@code --name=value} flags ({@code --from}, {@code --chown}, ...), lower-case names
 * @param arguments the arguments after the flags, continuations joined with a space
 * @param json      the arguments as a list when written in exec (JSON array) form, else empty
 * @param line      1-based line of the keyword
 * @param endLine   1-based last line of the instruction
 * @param stage     index of the build stage (0 for the first FROM)
 * @param text      the original text of the first line, for snippets
 */
public record Instruction(String keyword, Map<String, String> flags, String arguments,
    Optional<List<String>> json, int line, int endLine, int stage, String text) {

  public boolean is(String name) {
    return keyword.equals(name);
  }

  /** The words of the arguments: the JSON elements, or the shell form split on white space. */
  public List<String> words() {
    return json.orElseGet(() -> List.of(arguments.trim().split("\\s+")));
  }
}
