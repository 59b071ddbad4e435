package dev.bulwark.server.scanner;

import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.ScannerInfo;
import java.util.Optional;

/**
 * The domain side of a scanner: plain Java that tests call directly. {@link ScannerGrpcService}
 * puts it on the wire.
 */
public interface ScannerEngine {
  /** Short name that goes into every finding: "sast", "sca" or "container". */
  String name();

  /** Analyzers, versions and databases, for {@code Describe}. */
  ScannerInfo describe();

  /**
   * Scans the files and images of the workspace that this scanner cares about, sending each
   * finding to the sink as soon as it is known. Problems with single inputs (a broken lockfile,
   * a missing database) are reported through a DEGRADED outcome, not thrown.
   */
  ScanOutcome scan(ScanWorkspace workspace, FindingSink sink) throws Exception;

  /**
   * What every result of this engine depends on besides the unit analysed (a file, a lockfile):
   * the analyzers and their versions, the rule packs' digests, the settings that change results,
   * the build. Results are cached under it ({@link ScanWorkspace#results()}); empty (the default)
   * means they are not. Asked once per scan.
   */
  default Optional<String> resultKey() {
    return Optional.empty();
  }

  /**
   * What the whole answer of a scan (its findings, inventory and outcome) depends on besides the
   * {@linkplain #relevant relevant} files: the engine key ({@link #resultKey()}'s content) and every
   * input from outside the tree (an advisory database's digests, today's date where rules judge by
   * it). On an unchanged input the stored answer is replayed without running the engine (see
   * {@link AnswerCache}), so this must be cheap: it must not
   * load analyzers or rule packs. Empty (the default): answers are not kept.
   */
  default Optional<String> answerKey() {
    return Optional.empty();
  }

  /**
   * Whether the engine could read this file of the tree or let it change its answer (a lockfile
   * name, a parent pom, a Terraform file, ...): the whole-answer key covers exactly these files,
   * so a change elsewhere still reuses the answer. Files read by name outside these are recorded
   * as the engine reads them ({@link ScanWorkspace#file(String)}). Every file by default.
   */
  default boolean relevant(FileEntry file) {
    return true;
  }
}
