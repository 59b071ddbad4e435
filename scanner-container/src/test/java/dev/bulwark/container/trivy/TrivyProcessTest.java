package dev.bulwark.container.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrivyProcessTest {
  @TempDir
  Path tmp;

  private TrivyProcess process(Path script, Duration timeout, long maxStdout) {
    return new TrivyProcess(script, timeout, maxStdout, 200);
  }

  @Test
  void argumentsArePassedAsAListNeverThroughAShell() throws Exception {
    var script = FakeTrivy.script(tmp, "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$ARGS\"; echo '{}'");
    var run = process(script, Duration.ofSeconds(30), 1 << 20)
        .run(List.of("config", "/a dir/with spaces", "$(touch " + tmp.resolve("pwned") + ")", "x;y"), tmp, () -> false);
    assertThat(run.succeeded()).isTrue();
    assertThat(Files.readAllLines(tmp.resolve("args.txt")))
        .containsExactly("config", "/a dir/with spaces", "$(touch " + tmp.resolve("pwned") + ")", "x;y");
    assertThat(tmp.resolve("pwned")).doesNotExist();
    assertThat(new String(run.stdout()).strip()).isEqualTo("{}");
  }

  @Test
  void nonZeroExitIsAFailureCarryingTheEndOfStderr() throws Exception {
    var script = FakeTrivy.script(tmp, "echo 'noise line' >&2; i=0; while [ $i -lt 200 ]; do echo \"log $i\" >&2; i=$((i+1)); done;"
        + " echo 'FATAL init error: the first run cannot skip downloading DB' >&2; exit 1");
    var run = process(script, Duration.ofSeconds(30), 1 << 20).run(List.of("image"), tmp, () -> false);
    assertThat(run.succeeded()).isFalse();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).hasSizeLessThanOrEqualTo(200).contains("cannot skip downloading DB").doesNotContain("noise line");
    assertThat(run.describeFailure()).startsWith("trivy exited with code 1: ").contains("cannot skip downloading DB");
  }

  @Test
  void aHangingTrivyIsKilledWithItsWholeProcessTreeAtTheDeadline() throws Exception {
    var pidFile = tmp.resolve("child.pid");
    var script = FakeTrivy.script(tmp, "sleep 300 & echo $! > '" + pidFile + "'; wait");
    long started = System.nanoTime();
    var run = process(script, Duration.ofMillis(700), 1 << 20).run(List.of("image"), tmp, () -> false);
    assertThat(run.ending()).isEqualTo(TrivyRun.Ending.TIMED_OUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    long child = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(runningWithin(child, Duration.ofSeconds(5))).as("child sleep %d still running", child).isFalse();
    assertThat(run.describeFailure()).contains("timed out");
  }

  /** True when the process is still running (not gone, not a zombie awaiting its reaper) after the wait. */
  private static boolean runningWithin(long pid, Duration wait) throws Exception {
    long end = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < end) {
      Path stat = Path.of("/proc", String.valueOf(pid), "stat");
      if (!Files.exists(stat)) {
        return false;
      }
      String s = Files.readString(stat);
      char state = s.charAt(s.lastIndexOf(')') + 2);
      if (state == 'Z' || state == 'X') {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  @Test
  void cancellationKillsTheRun() throws Exception {
    var script = FakeTrivy.script(tmp, "sleep 300");
    var cancelled = new AtomicBoolean();
    new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException ignored) {
        // test thread
      }
      cancelled.set(true);
    }).start();
    var run = process(script, Duration.ofMinutes(5), 1 << 20).run(List.of("image"), tmp, cancelled::get);
    assertThat(run.ending()).isEqualTo(TrivyRun.Ending.CANCELLED);
  }

  @Test
  void aHugeReportIsCutOffAndTheProcessKilled() throws Exception {
    var script = FakeTrivy.script(tmp, "while :; do echo '{\"SchemaVersion\": 2, \"padding\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}'; done");
    var run = process(script, Duration.ofMinutes(1), 64 * 1024).run(List.of("image"), tmp, () -> false);
    assertThat(run.ending()).isEqualTo(TrivyRun.Ending.OUTPUT_TOO_LARGE);
    assertThat(run.stdout().length).isLessThanOrEqualTo(64 * 1024);
  }

  @Test
  void aMissingExecutableIsReportedNotThrown() {
    var run = process(tmp.resolve("no-such-trivy"), Duration.ofSeconds(5), 1024).run(List.of("image"), tmp, () -> false);
    assertThat(run.ending()).isEqualTo(TrivyRun.Ending.NOT_STARTED);
    assertThat(run.describeFailure()).contains("could not be started");
  }
}
