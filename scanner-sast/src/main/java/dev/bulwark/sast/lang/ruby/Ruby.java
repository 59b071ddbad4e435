package dev.bulwark.sast.lang.ruby;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.syntax.Grammar;
import dev.bulwark.sast.taint.Module;
import java.util.List;

/** Ruby: {@code require_relative} files, and Rails' autoloading convention ({@code UserService} in {@code user_service.rb}). */
public final class Ruby {
  private Ruby() {}

  public static Language language() {
    return new Language("ruby", List.of("rb", "rake"), path -> List.of(Grammar.RUBY), RubyLowering::new, Ruby::files);
  }

  private static List<String> files(Module from, String spec, Project project) {
    if (spec.startsWith("class:")) {
      String snake = spec.substring(6).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
      return project.pathsNamed(snake + ".rb");
    }
    if (spec.endsWith(".rb")) {
      String name = spec.substring(spec.lastIndexOf('/') + 1);
      return project.pathsNamed(name).stream().filter(p -> p.equals(spec)).toList();
    }
    return List.of();
  }
}
