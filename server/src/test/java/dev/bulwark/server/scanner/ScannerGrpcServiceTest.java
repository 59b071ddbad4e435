package dev.bulwark.server.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.ScannerInfo;
import dev.bulwark.v1.ScannerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerGrpcServiceTest {

  /** Flags every text file containing "TODO"; throws on a file named "boom". */
  static final class TodoEngine implements ScannerEngine {
    @Override
    public String name() {
      return "todo";
    }

    @Override
    public ScannerInfo describe() {
      return ScannerInfo.newBuilder().setName(name()).build();
    }

    @Override
    public ScanOutcome scan(ScanWorkspace ws, FindingSink sink) throws Exception {
      var files = ws.select(p -> true);
      ws.prefetch(files);
      for (var f : files) {
        if (f.getPath().endsWith("boom")) {
          throw new IllegalStateException("cannot read " + f.getPath());
        }
        var text = ws.readText(f).orElse("");
        if (text.contains("TODO")) {
          sink.accept(Finding.newBuilder().setRuleId("todo").setTitle("a TODO")
              .setLocation(Location.newBuilder().setPath(f.getPath()).setStartLine(1).setSnippet(text.strip()))
              .build());
        }
      }
      return ScanOutcome.ok(files.size());
    }
  }

  @Test
  void streamsFindingsReadFromTheContentStoreAndEndsWithASummary(@TempDir Path tmp) throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree/sub"));
    Files.writeString(tree.resolve("a.txt"), "TODO fix");
    Files.writeString(tmp.resolve("tree/b.txt"), "fine");
    Files.write(tmp.resolve("tree/big.bin"), new byte[3 * 1024 * 1024 + 7]); // several chunks
    try (var harness = new ScannerHarness(new TodoEngine(), tmp.resolve("work"))) {
      var result = harness.scan(tmp.resolve("tree"));
      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
      assertThat(result.summary().getFilesScanned()).isEqualTo(3);
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.getScanner()).isEqualTo("todo");
        assertThat(f.getLocation().getPath()).isEqualTo("sub/a.txt");
        assertThat(f.getFingerprint()).hasSize(32);
      });
    }
  }

  @Test
  void anEngineThatThrowsGivesAFailedSummaryNamingTheProblem(@TempDir Path tmp) throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(tree.resolve("boom"), "x");
    try (var harness = new ScannerHarness(new TodoEngine(), tmp.resolve("work"))) {
      var result = harness.scan(tree);
      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.FAILED);
      assertThat(result.summary().getMessage()).contains("cannot read boom");
    }
  }
}
