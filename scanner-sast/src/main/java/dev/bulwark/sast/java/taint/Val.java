package dev.bulwark.sast.java.taint;

import java.util.Objects;

/**
 * The abstract value of a Java expression: which sink families it is tainted for ({@code taint}, a
 * {@link dev.bulwark.sast.java.catalog.SinkFamily} bit mask, 0 = clean), which kinds of source the
 * taint came from ({@code kinds}, a {@link dev.bulwark.sast.java.catalog.SourceKind} bit mask) and,
 * when known at compile time, its constant value.
 */
public record Val(int taint, int kinds, Object constant) {
  public static final Val CLEAN = new Val(0, 0, null);
  /**
   * A pseudo-kind: the value derives from the parameters (or receiver, or static fields) a
   * summarised method was called with, so a sink it reaches depends on the caller.
   */
  public static final int PARAMETER = 1 << 30;

  public static Val of(Object constant) {
    return new Val(0, 0, constant);
  }

  public static Val tainted(int taint, int kinds) {
    return taint == 0 ? CLEAN : new Val(taint, kinds, null);
  }

  public boolean isTainted() {
    return taint != 0;
  }

  /** This value's taint without its constant (the result of an operation on it). */
  public Val taintOnly() {
    return constant == null ? this : tainted(taint, kinds);
  }

  /** The union of two taints (no constant): what an operation on both values gives. */
  public Val or(Val other) {
    return tainted(taint | other.taint, kinds | other.kinds);
  }

  /** Join at a merge point: taint of either, constant only when both agree. */
  public Val join(Val other) {
    int t = taint | other.taint;
    return new Val(t, t == 0 ? 0 : kinds | other.kinds, Objects.equals(constant, other.constant) ? constant : null);
  }

  /** This value with more kind bits (a tainted value only). */
  public Val withKinds(int extra) {
    return taint == 0 ? this : new Val(taint, kinds | extra, constant);
  }

  /** This value without these kind bits; without any real kind left, it is clean. */
  public Val withoutKinds(int bits) {
    int k = kinds & ~bits;
    if ((k & ~PARAMETER) == 0) {
      return constant == null ? CLEAN : of(constant);
    }
    return new Val(taint, k, constant);
  }

  public Val sanitise(int cleared) {
    return tainted(taint & ~cleared, kinds);
  }

  /** This value with its constant kept and its taint cleared for {@code cleared}. */
  public Val sanitiseKeepingConstant(int cleared) {
    int t = taint & ~cleared;
    return new Val(t, t == 0 ? 0 : kinds, constant);
  }
}
