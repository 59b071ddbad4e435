package dev.bulwark.server.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.server.scanner.results.TreeFacts;
import dev.bulwark.server.testing.CountingResultStore;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScannerInfo;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.UnitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-answer cache of {@link ScannerGrpcService}, over real gRPC and a real results store:
 * an unchanged relevant input replays the kept answer without running the engine; anything the
 * answer rests on changing (a relevant file, a file read by name, a file a replayed per-unit result
 * read, the engine's answer key) runs it again; irreproducible or failed answers are never kept; a
 * corrupt entry is a miss.
 */
@DisplayName("whole-answer cache")
class AnswerCacheTest {
  @TempDir
  Path tmp;
  Path tree;

  /**
   * Reads the {@code .rules} files (its relevant files): a line "TODO" is a finding, "include: p"
   * reads the file p by name and flags its TODOs too, "FLAKY" makes the answer irreproducible,
   * "boom" throws; every relevant file is one inventoried package. A {@code .unit} file's result is
   * kept per unit, depending on {@code unit-dep.txt}.
   */
  static class RulesEngine implements ScannerEngine {
    final AtomicInteger scans = new AtomicInteger();
    volatile String setting = "strict";

    @Override
    public String name() {
      return "rules";
    }

    @Override
    public ScannerInfo describe() {
      return ScannerInfo.newBuilder().setName(name()).build();
    }

    @Override
    public Optional<String> resultKey() {
      return Optional.of("rules/1 setting=" + setting);
    }

    @Override
    public Optional<String> answerKey() {
      return resultKey();
    }

    @Override
    public boolean relevant(FileEntry file) {
      return file.getPath().endsWith(".rules") || file.getPath().endsWith(".unit");
    }

    @Override
    public ScanOutcome scan(ScanWorkspace ws, FindingSink sink) throws Exception {
      scans.incrementAndGet();
      var files = ws.select(p -> p.endsWith(".rules"));
      int todos = 0;
      for (var f : files) {
        sink.inventory(Package.newBuilder().setName(f.getPath()).setVersion("1").build());
        for (String line : ws.readText(f).orElse("").lines().toList()) {
          if (line.equals("boom")) {
            throw new IllegalStateException("boom in " + f.getPath());
          }
          if (line.equals("FLAKY")) {
            ws.irreproducible(f.getPath() + " is flaky");
          }
          String text = line;
          String where = f.getPath();
          if (line.startsWith("include: ")) {
            where = line.substring("include: ".length());
            var included = ws.file(where);
            text = included.isPresent() ? ws.readText(included.get()).orElse("") : "";
          }
          if (text.contains("TODO")) {
            todos++;
            sink.accept(Finding.newBuilder().setRuleId("todo-" + setting).setTitle("a TODO")
                .setLocation(Location.newBuilder().setPath(where).setStartLine(1)).build());
          }
        }
      }
      for (var unit : ws.select(p -> p.endsWith(".unit"))) {
        var facts = new TreeFacts(ws.files());
        var kept = ws.results().lookup(unit.getPath(), unit.getDigest().getHash(), facts);
        var result = kept.orElseGet(() -> {
          try {
            var dep = ws.file("unit-dep.txt");
            String text = dep.isPresent() ? ws.readText(dep.get()).orElse("") : "";
            var made = UnitResult.newBuilder().setAnalysed(true);
            if (text.contains("TODO")) {
              made.addFindings(Finding.newBuilder().setRuleId("unit-todo").setTitle("a TODO beside a unit")
                  .setLocation(Location.newBuilder().setPath("unit-dep.txt").setStartLine(1)));
            }
            ws.results().save(unit.getPath(), unit.getDigest().getHash(), made,
                List.of(TreeFacts.read("unit-dep.txt")), facts);
            return made.build();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        result.getFindingsList().forEach(sink::accept);
      }
      return todos > 1 ? ScanOutcome.degraded("more than one TODO", files.size()) : ScanOutcome.ok(files.size());
    }
  }

  RulesEngine engine;

  @BeforeEach
  void setUp() throws Exception {
    tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(tree.resolve("a.rules"), "TODO one\ninclude: notes/b.txt\n");
    Files.createDirectories(tree.resolve("notes"));
    Files.writeString(tree.resolve("notes/b.txt"), "TODO two\n");
    Files.writeString(tree.resolve("README.md"), "not read\n");
    engine = new RulesEngine();
  }

  ScannerHarness.Result scan(ResultStore store) throws Exception {
    try (var harness = new ScannerHarness(engine, tmp.resolve("work-" + UUID.randomUUID()), store, true)) {
      return harness.scan(tree);
    }
  }

  /** What the engine answers with no cache at all. */
  ScannerHarness.Result uncached() throws Exception {
    int before = engine.scans.get();
    var result = scan(ResultStore.NONE);
    assertThat(engine.scans.get()).isEqualTo(before + 1);
    return result;
  }

  static void sameAnswer(ScannerHarness.Result actual, ScannerHarness.Result expected) {
    assertThat(actual.findings()).containsExactlyElementsOf(expected.findings());
    assertThat(actual.packages()).containsExactlyElementsOf(expected.packages());
    assertThat(actual.summary().getStatus()).isEqualTo(expected.summary().getStatus());
    assertThat(actual.summary().getMessage()).isEqualTo(expected.summary().getMessage());
    assertThat(actual.summary().getFilesScanned()).isEqualTo(expected.summary().getFilesScanned());
    assertThat(actual.summary().getFindings()).isEqualTo(expected.summary().getFindings());
  }

  DiskResultStore disk() {
    return new DiskResultStore(tmp.resolve("results"), 1 << 22);
  }

  @Test
  @DisplayName("an unchanged tree is answered without running the engine, with the same findings, inventory and summary")
  void unchangedTreeIsNotScannedAgain() throws Exception {
    var store = new CountingResultStore(disk());
    var first = scan(store);
    assertThat(first.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(first.findings()).hasSize(2);
    assertThat(first.packages()).hasSize(1);
    store.reset();

    try (var harness = new ScannerHarness(engine, tmp.resolve("work-again"), store, true)) {
      var again = harness.scan(tree);
      assertThat(harness.answersReused()).isEqualTo(1);
      assertThat(engine.scans.get()).as("the engine ran for the first scan only").isEqualTo(1);
      sameAnswer(again, first);
    }
    var counts = store.reset();
    assertThat(counts.lookups()).as("one lookup: the answer").isEqualTo(1);
    assertThat(counts.written()).isZero();
    sameAnswer(first, uncached());
  }

  @Test
  @DisplayName("a change in a file the engine does not find relevant still reuses the answer")
  void irrelevantChangeHits() throws Exception {
    var store = disk();
    scan(store);
    Files.writeString(tree.resolve("README.md"), "changed, and a TODO\n");
    Files.writeString(tree.resolve("other.txt"), "a new file\n");

    var again = scan(store);

    assertThat(engine.scans.get()).isEqualTo(1);
    sameAnswer(again, uncached());
  }

  @Test
  @DisplayName("a relevant file changed, added or removed runs the engine, and the new answer is then reused")
  void relevantChangeMisses() throws Exception {
    var store = disk();
    scan(store);
    Files.writeString(tree.resolve("a.rules"), "include: notes/b.txt\n");

    var changed = scan(store);
    assertThat(engine.scans.get()).isEqualTo(2);
    assertThat(changed.findings()).hasSize(1);
    sameAnswer(changed, uncached());

    Files.writeString(tree.resolve("c.rules"), "TODO three\n");
    var added = scan(store);
    assertThat(engine.scans.get()).isEqualTo(4);
    assertThat(added.findings()).hasSize(2);

    scan(store);
    assertThat(engine.scans.get()).as("unchanged again: reused").isEqualTo(4);
  }

  @Test
  @DisplayName("a file read by name outside the relevant ones changing runs the engine again")
  void fileReadByNameChangeMisses() throws Exception {
    var store = disk();
    scan(store);
    Files.writeString(tree.resolve("notes/b.txt"), "nothing to do\n");

    var again = scan(store);

    assertThat(engine.scans.get()).isEqualTo(2);
    assertThat(again.findings()).hasSize(1);
    sameAnswer(again, uncached());
  }

  @Test
  @DisplayName("a file that only a replayed per-unit result read changing runs the engine again")
  void perUnitDependencyChangeMisses() throws Exception {
    var store = disk();
    Files.writeString(tree.resolve("x.unit"), "unit\n");
    Files.writeString(tree.resolve("unit-dep.txt"), "TODO beside\n");
    // per-unit results only: the unit's result is kept, no answer
    try (var harness = new ScannerHarness(engine, tmp.resolve("work-units"), store)) {
      harness.scan(tree);
    }
    // the unit replayed (unit-dep.txt not read now), the answer kept resting on it all the same
    var second = scan(store);
    assertThat(second.findings()).extracting(Finding::getRuleId).contains("unit-todo");
    assertThat(engine.scans.get()).isEqualTo(2);
    Files.writeString(tree.resolve("unit-dep.txt"), "nothing beside\n");

    var third = scan(store);

    assertThat(engine.scans.get()).isEqualTo(3);
    assertThat(third.findings()).extracting(Finding::getRuleId).doesNotContain("unit-todo");
  }

  @Test
  @DisplayName("a change of the engine's answer key (a setting, a rule pack) runs the engine again")
  void answerKeyChangeMisses() throws Exception {
    var store = disk();
    scan(store);
    engine.setting = "lenient";

    var again = scan(store);

    assertThat(engine.scans.get()).isEqualTo(2);
    assertThat(again.findings()).extracting(Finding::getRuleId).containsOnly("todo-lenient");
  }

  @Test
  @DisplayName("the verify_secrets flag is part of the input")
  void verifySecretsIsPartOfTheInput() throws Exception {
    var store = disk();
    scan(store);
    try (var harness = new ScannerHarness(engine, tmp.resolve("work-verify"), store, true)) {
      harness.scan(tree, task -> task.setVerifySecrets(true));
    }
    assertThat(engine.scans.get()).isEqualTo(2);
  }

  @Test
  @DisplayName("an answer the engine calls irreproducible is never kept")
  void irreproducibleAnswerIsNotKept() throws Exception {
    var store = disk();
    Files.writeString(tree.resolve("a.rules"), "TODO one\nFLAKY\n");
    scan(store);
    scan(store);
    assertThat(engine.scans.get()).isEqualTo(2);
  }

  @Test
  @DisplayName("a failed scan is never kept")
  void failedScanIsNotKept() throws Exception {
    var store = disk();
    Files.writeString(tree.resolve("a.rules"), "boom\n");
    assertThat(scan(store).summary().getStatus()).isEqualTo(ScannerStatus.FAILED);
    assertThat(scan(store).summary().getStatus()).isEqualTo(ScannerStatus.FAILED);
    assertThat(engine.scans.get()).isEqualTo(2);
  }

  @Test
  @DisplayName("a corrupt or truncated stored answer is a miss: the engine runs and the scan succeeds")
  void corruptEntryIsAMiss() throws Exception {
    var store = disk();
    var first = scan(store);
    for (byte[] garbage : List.of("not a protobuf at all \u0000\u00ff".getBytes(), new byte[0])) {
      List<Path> entries;
      try (Stream<Path> files = Files.walk(tmp.resolve("results"))) {
        entries = files.filter(AnswerCacheTest::isEntry).toList();
      }
      assertThat(entries).isNotEmpty();
      for (Path e : entries) {
        Files.write(e, garbage);
      }
      int before = engine.scans.get();
      var again = scan(store);
      assertThat(engine.scans.get()).isEqualTo(before + 1);
      sameAnswer(again, first);
    }
    // the entry truncated: a valid protobuf prefix missing its findings
    try (Stream<Path> files = Files.walk(tmp.resolve("results"))) {
      for (Path e : files.filter(AnswerCacheTest::isEntry).toList()) {
        var whole = UnitResult.parseFrom(Files.readAllBytes(e));
        Files.write(e, whole.toBuilder().removeFindings(0).build().toByteArray());
      }
    }
    int before = engine.scans.get();
    sameAnswer(scan(store), first);
    assertThat(engine.scans.get()).isEqualTo(before + 1);
  }

  /** A results entry of the disk store (named by its key), not its size ledger. */
  private static boolean isEntry(Path p) {
    return Files.isRegularFile(p) && p.getFileName().toString().matches("[0-9a-f]{8,128}");
  }

  @Test
  @DisplayName("without an answer key or a store, every scan runs the engine")
  void offWithoutKeyOrStore() throws Exception {
    scan(ResultStore.NONE);
    scan(ResultStore.NONE);
    assertThat(engine.scans.get()).isEqualTo(2);
    var keyless = new RulesEngine() {
      @Override
      public Optional<String> answerKey() {
        return Optional.empty();
      }
    };
    engine = keyless;
    var store = disk();
    scan(store);
    scan(store);
    assertThat(keyless.scans.get()).isEqualTo(2);
  }
}
