package dev.bulwark.gateway.api;

import dev.bulwark.gateway.core.ScanWatcher;
import dev.bulwark.v1.ScanUpdate;
import io.grpc.stub.ServerCallStreamObserver;

/** Forwards a scan's updates to one WatchScan call; silent once the caller went away. */
final class StreamingWatcher implements ScanWatcher {
  private final ServerCallStreamObserver<ScanUpdate> calls;

  StreamingWatcher(ServerCallStreamObserver<ScanUpdate> calls) {
    this.calls = calls;
  }

  @Override
  public synchronized void onUpdate(ScanUpdate update) {
    if (calls.isCancelled()) {
      throw new IllegalStateException("watcher went away");
    }
    calls.onNext(update);
  }

  @Override
  public synchronized void onDone() {
    if (!calls.isCancelled()) {
      calls.onCompleted();
    }
  }
}
