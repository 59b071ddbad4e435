package dev.bulwark.sast.taint;

/**
 * Where a tainted value comes from: request data ({@link Kind#REMOTE}), local input such as
 * command-line arguments or standard input ({@link Kind#LOCAL}), or the {@code param}-th
 * parameter of the function being summarised ({@link Kind#PARAM}). {@code cleansed} holds the
 * {@link SinkClass} bits a sanitiser has neutralised on the way.
 */
public record Label(Kind kind, String what, int param, int line, int cleansed) {
  public enum Kind { REMOTE, LOCAL, PARAM }

  public static Label source(Kind kind, String what, int line) {
    return new Label(kind, what, -1, line, 0);
  }

  public static Label param(int index) {
    return new Label(Kind.PARAM, "parameter " + index, index, 0, 0);
  }

  public Label cleanse(int classes) {
    return (cleansed | classes) == cleansed ? this : new Label(kind, what, param, line, cleansed | classes);
  }

  /** True when this label still matters for a sink of this class. */
  public boolean reaches(SinkClass sink) {
    return (cleansed & sink.bit()) == 0;
  }

  boolean sameAs(Label o) {
    return kind == o.kind && param == o.param && cleansed == o.cleansed && what.equals(o.what);
  }
}
