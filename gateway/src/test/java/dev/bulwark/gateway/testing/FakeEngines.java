package dev.bulwark.gateway.testing;

import dev.bulwark.server.scanner.FindingSink;
import dev.bulwark.server.scanner.ScanOutcome;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.ScannerInfo;
import dev.bulwark.v1.Severity;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Scanner engines for gateway tests: they read the real uploaded files through the workspace. */
public final class FakeEngines {
  private FakeEngines() {}

  /** Flags every line containing {@code keyword} in every text file; counts its scans. */
  public static class KeywordEngine implements ScannerEngine {
    private final String name;
    private final String keyword;
    private final Severity severity;
    public final AtomicInteger scans = new AtomicInteger();

    public KeywordEngine(String name, String keyword, Severity severity) {
      this.name = name;
      this.keyword = keyword;
      this.severity = severity;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ScannerInfo describe() {
      return ScannerInfo.newBuilder().setName(name).setVersion("test").build();
    }

    @Override
    public ScanOutcome scan(ScanWorkspace ws, FindingSink sink) throws Exception {
      scans.incrementAndGet();
      var files = ws.files();
      ws.prefetch(files);
      for (var f : files) {
        var lines = ws.readText(f).orElse("").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].contains(keyword)) {
            sink.accept(Finding.newBuilder().setRuleId(name + ".keyword").setTitle(keyword + " found")
                .setSeverity(severity)
                .setLocation(Location.newBuilder().setPath(f.getPath()).setStartLine(i + 1).setEndLine(i + 1)
                    .setSnippet(lines[i].strip()))
                .build());
          }
        }
        afterFile(sink);
      }
      for (var image : ws.images()) {
        if (java.nio.file.Files.readString(ws.localPath(image)).contains(keyword)) {
          sink.accept(Finding.newBuilder().setRuleId(name + ".image").setTitle(keyword + " in " + image.getName())
              .setSeverity(severity).setLocation(Location.newBuilder().setPath(image.getName())).build());
        }
      }
      return ScanOutcome.ok(files.size() + ws.images().size());
    }

    /** Hook for engines that misbehave part-way. */
    protected void afterFile(FindingSink sink) throws InterruptedException {}
  }

  /**
   * Sends its findings for the first file, then stalls until the call is cancelled (the
   * deadline passed or the server was killed) or {@link #release} opens.
   */
  public static final class StallingEngine extends KeywordEngine {
    public final CountDownLatch stalled = new CountDownLatch(1);
    public final CountDownLatch release = new CountDownLatch(1);
    /** Opens when the engine stopped because its call was cancelled. */
    public final CountDownLatch sawCancellation = new CountDownLatch(1);
    private ScanWorkspace current;

    public StallingEngine(String name, String keyword) {
      super(name, keyword, Severity.HIGH);
    }

    @Override
    public ScanOutcome scan(ScanWorkspace ws, FindingSink sink) throws Exception {
      current = ws;
      return super.scan(ws, sink);
    }

    @Override
    protected void afterFile(FindingSink sink) throws InterruptedException {
      stalled.countDown();
      while (!current.cancelled() && release.getCount() > 0) {
        Thread.sleep(10);
      }
      if (current.cancelled()) {
        sawCancellation.countDown();
      }
    }
  }
}
