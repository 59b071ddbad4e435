package dev.bulwark.gate.dashboard;

import java.util.Set;

/**
 * Who is looking at the dashboard, and which projects they may read. Every read of the dashboard
 * asks the viewer first; a project the viewer may not read is answered exactly like a project
 * that does not exist, so neither listings nor errors tell one from the other.
 */
public interface Viewer {
  /** For logs and the page header. */
  String name();

  /** True when this viewer may see the project's decisions, findings, suppressions and policy. */
  boolean mayRead(String project);

  /** Reads every project: the default while the dashboard has no authentication. */
  static Viewer everyone() {
    return new Viewer() {
      @Override
      public String name() {
        return "anyone";
      }

      @Override
      public boolean mayRead(String project) {
        return true;
      }
    };
  }

  /** Reads exactly these projects. */
  static Viewer of(String name, Set<String> projects) {
    var readable = Set.copyOf(projects);
    return new Viewer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean mayRead(String project) {
        return readable.contains(project);
      }
    };
  }
}
