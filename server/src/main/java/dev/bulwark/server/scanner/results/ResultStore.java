package dev.bulwark.server.scanner.results;

import java.io.IOException;
import java.util.Optional;

/**
 * Where scanners keep analysis results by key (the SPI of the results cache): a bounded local
 * folder ({@link DiskResultStore}) for one process, or a store every replica of a cluster shares.
 * Keys are lower-case hex; values are small ({@code bulwark.v1.UnitResult}). A store may forget
 * any entry at any time (it is a cache), but never returns bytes other than those put.
 */
public interface ResultStore {
  /** Keeps nothing. */
  ResultStore NONE = new ResultStore() {
    @Override
    public Optional<byte[]> get(String key) {
      return Optional.empty();
    }

    @Override
    public void put(String key, byte[] value) {}

    @Override
    public String describe() {
      return "off";
    }
  };

  Optional<byte[]> get(String key) throws IOException;

  /** Stores or replaces the value. */
  void put(String key, byte[] value) throws IOException;

  /** Where the results are, for logs: "disk /home/u/.bulwark/results (256 MiB)". */
  String describe();
}
