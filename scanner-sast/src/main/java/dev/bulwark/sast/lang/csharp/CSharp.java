package dev.bulwark.sast.lang.csharp;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.lang.Language;
import dev.bulwark.sast.syntax.Grammar;
import dev.bulwark.sast.taint.Module;
import java.util.List;

/** C#: a static call {@code Helper.Run(x)} is looked for in {@code Helper.cs}. */
public final class CSharp {
  private CSharp() {}

  public static Language language() {
    return new Language("csharp", List.of("cs"), path -> List.of(Grammar.C_SHARP), CSharpLowering::new,
        CSharp::files);
  }

  private static List<String> files(Module from, String spec, Project project) {
    return spec.startsWith("class:") ? project.pathsNamed(spec.substring(6) + ".cs") : List.of();
  }
}
