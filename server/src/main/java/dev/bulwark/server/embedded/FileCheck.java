package dev.bulwark.server.embedded;

import dev.bulwark.server.scanner.FindingSink;
import dev.bulwark.server.scanner.ScanOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A scanner's analysis of a few files of a tree, in this process: no servers, no content store,
 * no database. {@code bulwark check} (the pre-commit hook) runs every one on the classpath
 * ({@code META-INF/services/dev.bulwark.server.embedded.FileCheck}), with the same analyzers and
 * rule packs as the scanner's own {@code Scan}, so a file's findings are the ones a full scan of
 * the same tree reports for it.
 */
public interface FileCheck {
  /** The scanner whose analysis this is ("sast"), as findings name it. */
  String scanner();

  /**
   * Analyses the files at {@code paths} (those this scanner reads), with the rest of {@code tree}
   * available as context (a call into another file is followed there). Findings go to the sink as
   * the scanner itself would send them, before the scanner name and fingerprint are stamped.
   *
   * @param rulePacks a folder where the scanner may keep what it derives from its built-in rule
   *                  packs between checks (their parsed form, keyed by their content), if any: the
   *                  pre-commit hook runs often, and parsing the packs is most of its start
   */
  ScanOutcome check(LocalTree tree, List<String> paths, Optional<Path> rulePacks, FindingSink sink) throws Exception;
}
