package dev.bulwark.sast.java.taint;

import java.util.List;
import java.util.Optional;

/**
 * Methods of other files of the project, as call summaries: the interpreter asks what a call
 * returns and which sinks its arguments reach, and does not know how the callee is found, parsed
 * or cached.
 */
public interface ProjectCallees {
  /** Knows no other file: every call keeps the default (the result carries the arguments' taint). */
  ProjectCallees NONE = new ProjectCallees() {
    @Override
    public boolean declares(String className) {
      return false;
    }

    @Override
    public Optional<Summary> call(String className, String method, List<Val> args, int depth) {
      return Optional.empty();
    }
  };

  /** True when the project has a source file declaring this top-level class. */
  boolean declares(String className);

  /**
   * The summary of {@code className.method(args)} at call depth {@code depth}, empty when the
   * project has no body for it (an interface, an inherited or a library method).
   */
  Optional<Summary> call(String className, String method, List<Val> args, int depth);
}
