package dev.bulwark.server.testing;

import dev.bulwark.server.scanner.results.ResultStore;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real results store that counts what a scan asked of it: how many entries it looked up, found
 * and wrote. A unit analysed again is always written, so "no writes" means "nothing analysed".
 */
public final class CountingResultStore implements ResultStore {
  private final ResultStore store;
  private final AtomicInteger gets = new AtomicInteger();
  private final AtomicInteger found = new AtomicInteger();
  private final AtomicInteger puts = new AtomicInteger();

  public CountingResultStore(ResultStore store) {
    this.store = store;
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    gets.incrementAndGet();
    var value = store.get(key);
    if (value.isPresent()) {
      found.incrementAndGet();
    }
    return value;
  }

  @Override
  public void put(String key, byte[] value) throws IOException {
    puts.incrementAndGet();
    store.put(key, value);
  }

  @Override
  public String describe() {
    return "counting " + store.describe();
  }

  /** Lookups, entries found and entries written since the last reset. */
  public record Counts(int lookups, int found, int written) {}

  /** The counts so far, and starts counting again from zero. */
  public Counts reset() {
    return new Counts(gets.getAndSet(0), found.getAndSet(0), puts.getAndSet(0));
  }
}
