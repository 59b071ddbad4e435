package dev.bulwark.server.scanner;

import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Package;

/** Receives findings as a scanner produces them. Implementations are thread-safe. */
@FunctionalInterface
public interface FindingSink {
  void accept(Finding finding);

  /** Receives a dependency the scanner inventoried, affected or not; ignored by default. */
  default void inventory(Package dependency) {}
}
