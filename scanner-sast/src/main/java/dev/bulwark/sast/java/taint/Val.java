package dev.bulwark.sast.java.taint;

import java.util.Objects;

/**
 * The abstract value of a Java expression: which sink families it is tainted for (a
 * {@link dev.bulwark.sast.java.catalog.SinkFamily} bit mask, 0 = clean) and, when known at compile
 * time, its constant value.
 */
public record Val(int taint, Object constant) {
  public static final Val CLEAN = new Val(0, null);

  public static Val of(Object constant) {
    return new Val(0, constant);
  }

  public static Val tainted(int taint) {
    return taint == 0 ? CLEAN : new Val(taint, null);
  }

  public boolean isTainted() {
    return taint != 0;
  }

  public Val or(Val other) {
    return tainted(taint | other.taint);
  }

  /** Join at a merge point: taint of either, constant only when both agree. */
  public Val join(Val other) {
    return new Val(taint | other.taint, Objects.equals(constant, other.constant) ? constant : null);
  }

  public Val sanitise(int cleared) {
    return tainted(taint & ~cleared);
  }
}
