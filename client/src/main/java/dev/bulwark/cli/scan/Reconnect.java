package dev.bulwark.cli.scan;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Retries a call to the gateway while the failure says "this replica, or the connection to it,
 * is gone" (UNAVAILABLE, a stream reset, a replica shutting down), with growing pauses, until a
 * time budget runs out. The calls it wraps are safe to repeat: uploads of content-addressed
 * blobs, StartScan with its request id, WatchScan from the last event seen. Until the gateway has
 * answered once, the budget is {@link #FIRST_CONTACT}: a gateway never reached is a wrong address
 * or an outage, which the pipeline should hear about soon, not at the scan's deadline.
 */
final class Reconnect {
  /** Codes a replica dying or restarting produces; anything else is an answer, not an outage. */
  static final Set<Status.Code> TRANSIENT = Set.of(Status.Code.UNAVAILABLE, Status.Code.CANCELLED,
      Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.ABORTED);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(3);
  /** How long to keep trying a gateway that has not answered yet. */
  static final Duration FIRST_CONTACT = Duration.ofSeconds(10);

  private final long deadlineNanos;
  private final long firstContactNanos;
  private boolean answered;
  private final Consumer<String> progress;
  private Duration pause = FIRST_PAUSE;

  Reconnect(Duration budget, Consumer<String> progress) {
    this.deadlineNanos = System.nanoTime() + budget.toNanos();
    this.firstContactNanos = System.nanoTime() + Math.min(budget.toNanos(), FIRST_CONTACT.toNanos());
    this.progress = progress;
  }

  static boolean isTransient(StatusRuntimeException e) {
    return TRANSIENT.contains(e.getStatus().getCode());
  }

  /** Seconds left of the budget (at least 1). */
  long secondsLeft() {
    return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000_000L);
  }

  /** Runs the call until it answers, a non-transient error, or the budget's end. */
  <T> T call(String what, Callable<T> call) throws Exception {
    while (true) {
      try {
        T result = call.call();
        answered();
        pause = FIRST_PAUSE;
        return result;
      } catch (StatusRuntimeException e) {
        if (!isTransient(e)) {
          throw e;
        }
        failed(what, e);
      }
    }
  }

  /** The gateway answered: from now on an outage is retried for the whole budget. */
  void answered() {
    answered = true;
  }

  /** Records a transient failure and waits before the next attempt; rethrows once the budget is spent. */
  void failed(String what, StatusRuntimeException e) throws InterruptedException {
    if (System.nanoTime() + pause.toNanos() > (answered ? deadlineNanos : firstContactNanos)) {
      throw e;
    }
    progress.accept(what + ": " + e.getStatus().getCode()
        + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")")
        + "; trying again through any gateway replica");
    Thread.sleep(pause.toMillis());
    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
  }
}
