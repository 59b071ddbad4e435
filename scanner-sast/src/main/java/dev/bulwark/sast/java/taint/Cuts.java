package dev.bulwark.sast.java.taint;

/**
 * Counts, per thread, where the analysis stopped following calls (a recursion, the depth limit).
 * A summary computed while a cut happened depends on the path that led to it, so it is not kept
 * for other callers: what is cached is the same whatever order (and thread) files come in.
 */
public final class Cuts {
  private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

  private Cuts() {}

  /** The analysis stopped following a call here. */
  public static void cut() {
    COUNT.get()[0]++;
  }

  /** The number of cuts so far on this thread (compare before and after a computation). */
  public static int count() {
    return COUNT.get()[0];
  }
}
