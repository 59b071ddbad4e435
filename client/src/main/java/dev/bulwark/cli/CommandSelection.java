package dev.bulwark.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The commands a command line needs for its arguments. Picocli reflects over every option of
 * every command it is given before it parses anything, a quarter of a second of each start with
 * all of them (issue #17): so a run that names its command builds that command only, {@code
 * --version} builds none, and anything else (help, no command, a misspelt one) builds them all, for
 * the usage text and the suggestions.
 */
public final class CommandSelection {
  private CommandSelection() {}

  public static List<Class<?>> needed(List<Class<?>> commands, String... args) {
    if (args.length == 0) {
      return commands;
    }
    String first = args[0];
    if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) {
      return List.of();
    }
    var named = commands.stream().filter(c -> names(c).contains(first) && !first.equals("help")).toList();
    return named.isEmpty() ? commands : named;
  }

  private static List<String> names(Class<?> command) {
    Command annotation = command.getAnnotation(Command.class);
    if (annotation == null) {
      return List.of();
    }
    var names = new java.util.ArrayList<>(Arrays.asList(annotation.aliases()));
    names.add(annotation.name());
    return names;
  }
}
