package dev.bulwark.sast.java.taint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Methods of other files of the project, as call summaries: the interpreter asks what a call
 * returns and which sinks its arguments reach, and does not know how the callee is found (its
 * file, its superclasses, the implementations of an interface), parsed or cached.
 */
public interface ProjectCallees {
  /** Knows no other file: every call keeps the default (the result carries the arguments' taint). */
  ProjectCallees NONE = new ProjectCallees() {
    @Override
    public boolean declares(String className) {
      return false;
    }

    @Override
    public boolean mayReturnSource(String className, String method, boolean literals) {
      return false;
    }

    @Override
    public Map<String, Val> relevant(String className, Map<String, Val> globals) {
      return Map.of();
    }

    @Override
    public Optional<Summary> call(Call call) {
      return Optional.empty();
    }
  };

  /**
   * A call into the project: {@code method} ({@code "<init>"} for a constructor) of
   * {@code className} with these arguments, on a receiver holding {@code self} (its fields are
   * assumed to hold that taint), with the caller's values of static fields ({@code "Type.field"}),
   * made from the file at path {@code from}; {@code remote} when it carries data an attacker sends
   * from elsewhere (then any file is followed; else only files of the caller's package).
   */
  record Call(String className, String method, List<Val> args, Val self, Map<String, Val> globals, int depth,
      String from, boolean remote) {
    public static final String CONSTRUCTOR = "<init>";

    /** The cache key: everything but the depth. */
    public String key() {
      var sb = new StringBuilder(className).append('.').append(method).append('(');
      int k = ~Val.PARAMETER;
      args.forEach(a -> sb.append(a.taint()).append('/').append(a.kinds() & k).append(','));
      sb.append(")").append(self.taint()).append('/').append(self.kinds() & k);
      globals.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> sb.append(';').append(e.getKey()).append('=').append(e.getValue().taint()).append('/')
              .append(e.getValue().kinds() & k));
      return sb.toString();
    }
  }

  /** True when the project has a source file declaring this class. */
  boolean declares(String className);

  /**
   * True when a method of this name in this class's file reads a source (or, when {@code literals},
   * holds a string literal), so it may return untrusted (or hard-coded) data.
   */
  boolean mayReturnSource(String className, String method, boolean literals);

  /** The caller's static-field values the class's file refers to ({@code Type.field} in its text). */
  Map<String, Val> relevant(String className, Map<String, Val> globals);

  /** The summary of the call, empty when the project has no body for it (a library method). */
  Optional<Summary> call(Call call);
}
