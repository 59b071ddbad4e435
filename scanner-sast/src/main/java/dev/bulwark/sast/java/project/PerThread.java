package dev.bulwark.sast.java.project;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A value per thread that lives as long as its owner (one scan's {@link ProjectSummaries}), not
 * as long as the thread: the engine's analyzer threads outlive every scan, and a
 * {@link ThreadLocal} in an instance field would keep each finished scan's parsed files on them
 * until the JVM happened to expunge the stale entry.
 */
final class PerThread<T> {
  private final Map<Thread, T> values = new ConcurrentHashMap<>();
  private final Supplier<T> initial;

  PerThread(Supplier<T> initial) {
    this.initial = initial;
  }

  /** This thread's value, created on first use. */
  T get() {
    return values.computeIfAbsent(Thread.currentThread(), t -> initial.get());
  }
}
