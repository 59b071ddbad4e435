package dev.bulwark.common.scanner;

import dev.bulwark.v1.Finding;

/** Receives findings as a scanner produces them. Implementations are thread-safe. */
@FunctionalInterface
public interface FindingSink {
  void accept(Finding finding);
}
