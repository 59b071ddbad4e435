package dev.bulwark.dist.check;

import dev.bulwark.common.policy.RepoPolicyFiles;
import dev.bulwark.server.embedded.FileCheck;
import dev.bulwark.server.embedded.LocalGate;
import dev.bulwark.server.embedded.LocalTree;
import dev.bulwark.server.embedded.StartupTrace;
import dev.bulwark.server.scanner.ScanOutcome;
import dev.bulwark.server.scanner.ScannerGrpcService;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScannerReport;
import dev.bulwark.v1.ScannerStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A check of a few files in this process, as {@code bulwark check} (the pre-commit hook) runs it:
 * every {@link FileCheck} on the classpath analyses them with the rest of the tree as context, the
 * findings leave each scanner as they would leave it in a scan, and the {@link LocalGate} decides
 * under the repository's policy and ignore file, found in the tree where the gateway finds them.
 */
public final class LocalCheck {
  private final List<FileCheck> checks;
  private final Supplier<LocalGate> gate;
  private final Optional<Path> rulePacks;

  /** @param rulePacks where the scanners keep their parsed rule packs between checks, if anywhere */
  public LocalCheck(List<FileCheck> checks, LocalGate gate, Optional<Path> rulePacks) {
    this(checks, () -> gate, rulePacks);
  }

  private LocalCheck(List<FileCheck> checks, Supplier<LocalGate> gate, Optional<Path> rulePacks) {
    this.checks = List.copyOf(checks);
    this.gate = gate;
    this.rulePacks = rulePacks;
  }

  /**
   * The checks and the gate the classpath provides.
   *
   * @throws IllegalStateException when they are missing (the thin client)
   */
  public static LocalCheck fromClasspath(Optional<Path> rulePacks) {
    var checks = new ArrayList<FileCheck>();
    ServiceLoader.load(FileCheck.class).forEach(checks::add);
    var gate = ServiceLoader.load(LocalGate.class).stream().findFirst();
    if (checks.isEmpty() || gate.isEmpty()) {
      throw new IllegalStateException("the in-process scanners and gate are not on the classpath"
          + " (build the full distribution with `./mvnw -pl distribution -am package`)");
    }
    // The gate is built (its classes loaded, its default policy parsed) on a thread of its own while the
    // scanners analyse: it is needed only once they are done, and the hook's wall time is the sum otherwise.
    var building = new FutureTask<LocalGate>(gate.get()::get);
    var thread = new Thread(building, "local-gate");
    thread.setDaemon(true);
    thread.start();
    return new LocalCheck(checks, () -> built(building), rulePacks);
  }

  private static LocalGate built(FutureTask<LocalGate> building) {
    try {
      return building.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the gate was being built", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : new IllegalStateException("cannot build the gate: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Checks the files at {@code paths} of {@code tree} and decides.
   *
   * @throws IOException when the repository's policy or ignore file cannot be read
   */
  public ScanResult run(LocalTree tree, List<String> paths, ScanContext context) throws IOException {
    String scanId = "check-" + UUID.randomUUID();
    var findings = Collections.synchronizedList(new ArrayList<Finding>());
    var reports = new ArrayList<ScannerReport>();
    for (FileCheck check : checks) {
      long started = System.nanoTime();
      int before = findings.size();
      ScannerReport.Builder report = ScannerReport.newBuilder().setScanner(check.scanner());
      try {
        ScanOutcome outcome = check.check(tree, paths, rulePacks, f -> findings.add(ScannerGrpcService.complete(check.scanner(), f)));
        report.setStatus(outcome.status()).setMessage(outcome.message());
      } catch (Exception e) {
        report.setStatus(ScannerStatus.FAILED).setMessage(check.scanner() + " check error: " + e);
      }
      reports.add(report.setFindings(findings.size() - before)
          .setDurationMs((System.nanoTime() - started) / 1_000_000).build());
      StartupTrace.mark("check: " + check.scanner() + " checked");
    }
    var request = EvaluateRequest.newBuilder().setScanId(scanId).setContext(context)
        .addAllFindings(findings).addAllScanners(reports);
    var policy = firstOf(tree, RepoPolicyFiles.POLICY);
    if (policy != null) {
      request.setRepoPolicy(text(tree, policy)).setRepoPolicyPath(policy);
    }
    var ignore = firstOf(tree, RepoPolicyFiles.IGNORE);
    if (ignore != null) {
      request.setRepoIgnore(text(tree, ignore)).setRepoIgnorePath(ignore);
    }
    var response = gate.get().evaluate(request.build());
    StartupTrace.mark("check: gate evaluated");
    // as the gateway returns them: riskiest first
    var sorted = response.getFindingsList().stream()
        .sorted(Comparator.comparingInt(EvaluatedFinding::getRiskScore).reversed()).toList();
    return ScanResult.newBuilder().setScanId(scanId).setState(ScanState.DONE).setContext(context)
        .addAllScanners(reports).setDecision(response.getDecision()).addAllFindings(sorted).build();
  }

  private static String firstOf(LocalTree tree, List<String> candidates) throws IOException {
    for (String path : candidates) {
      if (tree.size(path) >= 0) {
        return path;
      }
    }
    return null;
  }

  private static String text(LocalTree tree, String path) throws IOException {
    if (tree.size(path) > RepoPolicyFiles.MAX_BYTES) {
      throw new IOException(path + " is larger than " + RepoPolicyFiles.MAX_BYTES + " bytes");
    }
    return new String(tree.read(path).orElseThrow(() -> new IOException(path + ": cannot be read")),
        StandardCharsets.UTF_8);
  }
}
