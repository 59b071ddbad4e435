package dev.bulwark.gateway.core;

import dev.bulwark.common.cas.BlobStore;
import dev.bulwark.common.finding.Remediations;
import dev.bulwark.common.policy.RepoPolicyFiles;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.Verdict;
import io.grpc.Deadline;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns the collected findings into the scan's final result: attaches the repository's policy
 * and ignore file, asks the gate, and fails closed (verdict ERROR, naming the gate) when the gate
 * cannot answer.
 */
final class Verdicts {
  /** Where the repository policy lives in a scanned tree, in order of preference. */
  static final List<String> POLICY_PATHS = RepoPolicyFiles.POLICY;
  /** Where the repository's suppressions live (in the tree's root), in order of preference. */
  static final List<String> IGNORE_PATHS = RepoPolicyFiles.IGNORE;
  private static final long MAX_POLICY_BYTES = RepoPolicyFiles.MAX_BYTES;

  /** The scan a result is for. */
  record ScanRef(String id, ScanContext context) {}

  private final BlobStore store;

  Verdicts(BlobStore store) {
    this.store = store;
  }

  ScanResult decide(ScanRef record, StartScanRequest request, EvaluateRequest.Builder evaluate,
      GateCaller gate, Deadline deadline, ScanPhases.Watch watch) {
    try {
      attachPolicy(request, evaluate);
    } catch (IOException e) {
      return error(record, evaluate, "cannot read the repository policy: " + e.getMessage());
    }
    try {
      var ignore = treeFile(request, IGNORE_PATHS);
      if (ignore.isPresent()) {
        evaluate.setRepoIgnore(ignore.get().text()).setRepoIgnorePath(ignore.get().path());
      }
    } catch (IOException e) {
      // Without it the gate applies fewer suppressions, which fails safe; it still must be said.
      return error(record, evaluate, "cannot read the repository's ignore file: " + e.getMessage());
    }
    watch.lap("policy");
    EvaluateResponse response;
    try {
      response = gate.evaluate(evaluate.build(), deadline);
      watch.lap("gate");
    } catch (StatusRuntimeException e) {
      String why = switch (e.getStatus().getCode()) {
        case UNAVAILABLE -> "gate unreachable at " + gate.target();
        case DEADLINE_EXCEEDED -> "gate at " + gate.target() + " did not answer in time";
        default -> "gate at " + gate.target() + " failed";
      };
      return error(record, evaluate, why + ": " + e.getStatus().getCode()
          + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription()));
    }
    var decision = response.getDecision().toBuilder().setScanId(record.id());
    if (!decision.hasContext()) {
      decision.setContext(record.context());
    }
    var findings = response.getFindingsList().stream()
        .sorted(Comparator.comparingInt(EvaluatedFinding::getRiskScore).reversed()).toList();
    return result(record, evaluate, decision.build(), findings);
  }

  /**
   * A result for a scan the gateway itself could not complete: verdict ERROR with the reason, and
   * whatever the scanners that did report found (unscored).
   */
  ScanResult gatewayError(ScanRef record, EvaluateRequest.Builder evaluate, String reason) {
    return error(record, evaluate, reason);
  }

  private ScanResult error(ScanRef record, EvaluateRequest.Builder evaluate, String reason) {
    var decision = Decision.newBuilder().setScanId(record.id()).setVerdict(Verdict.ERROR).addReasons(reason)
        .setDecidedAt(Instant.now().toString()).setContext(record.context()).build();
    // Unscored, but the user still sees what the scanners found: most severe first.
    var findings = evaluate.getFindingsList().stream()
        .map(f -> EvaluatedFinding.newBuilder().setFinding(f).build())
        .sorted(Comparator.comparingInt((EvaluatedFinding f) -> f.getFinding().getSeverityValue()).reversed())
        .toList();
    return result(record, evaluate, decision, findings);
  }

  private static ScanResult result(ScanRef record, EvaluateRequest.Builder evaluate, Decision decision,
      List<EvaluatedFinding> findings) {
    return ScanResult.newBuilder().setScanId(record.id()).setState(ScanState.DONE).setContext(record.context())
        .addAllScanners(evaluate.getScannersList()).setDecision(decision).addAllFindings(findings)
        .addAllRemediations(Remediations.of(findings)).build();
  }

  /** The request's policy wins; else the tree's policy file, read from our own store. */
  private void attachPolicy(StartScanRequest request, EvaluateRequest.Builder evaluate) throws IOException {
    if (!request.getPolicy().isBlank()) {
      evaluate.setRepoPolicy(request.getPolicy()).setRepoPolicyPath("StartScanRequest.policy");
      return;
    }
    var policy = treeFile(request, POLICY_PATHS);
    if (policy.isPresent()) {
      evaluate.setRepoPolicy(policy.get().text()).setRepoPolicyPath(policy.get().path());
    }
  }

  /** A text file of the scanned tree and where it was found. */
  private record TreeFile(String path, String text) {}

  /** The first of {@code paths} the manifest has, read from our own store. */
  private Optional<TreeFile> treeFile(StartScanRequest request, List<String> paths) throws IOException {
    Optional<FileEntry> found = paths.stream()
        .flatMap(p -> request.getManifest().getFilesList().stream().filter(f -> f.getPath().equals(p)))
        .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FileEntry f = found.get();
    if (f.getDigest().getSizeBytes() > MAX_POLICY_BYTES) {
      throw new IOException(f.getPath() + " is larger than " + MAX_POLICY_BYTES + " bytes");
    }
    return Optional.of(new TreeFile(f.getPath(), new String(store.read(f.getDigest()), StandardCharsets.UTF_8)));
  }
}
