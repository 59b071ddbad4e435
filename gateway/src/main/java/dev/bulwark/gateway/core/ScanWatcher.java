package dev.bulwark.gateway.core;

import dev.bulwark.v1.ScanUpdate;

/**
 * Receives a scan's updates in sequence order, each once; {@link #onDone()} comes right after the
 * final result.
 */
public interface ScanWatcher {
  void onUpdate(ScanUpdate update);

  void onDone();
}
