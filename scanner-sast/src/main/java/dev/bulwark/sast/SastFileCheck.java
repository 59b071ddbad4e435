package dev.bulwark.sast;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.secrets.verify.SecretVerification;
import dev.bulwark.server.embedded.FileCheck;
import dev.bulwark.server.embedded.LocalTree;
import dev.bulwark.server.embedded.StartupTrace;
import dev.bulwark.server.scanner.FindingSink;
import dev.bulwark.server.scanner.ScanOutcome;
import dev.bulwark.server.scanner.ScanWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The SAST scanner's analysis of a few files in this process ({@code bulwark check}, the
 * pre-commit hook): the engine of {@link SastEngine#scan} with the built-in analyzers and rule
 * packs of the files' languages ({@link Analyzers#builtInFor}: a file's findings come from the
 * analyzers that want it, so the others are not even built), over the files of the tree it would
 * scan (same size limit, same text test), the rest of the tree read on demand as the project.
 * Secret verification is off.
 */
public final class SastFileCheck implements FileCheck {
  private final BiFunction<List<String>, Optional<Path>, SastEngine> engines;

  /** The built-in analyzers the checked files need, loaded at each check (rule packs from their cache when given). */
  public SastFileCheck() {
    this((paths, rulePacks) -> new SastEngine(() -> Analyzers.builtInFor(paths, rulePacks),
        SastEngine.DEFAULT_MAX_FILE_BYTES, SecretVerification.off()));
  }

  /** @param engines the engine to check these paths with, given the rule packs' cache folder */
  public SastFileCheck(BiFunction<List<String>, Optional<Path>, SastEngine> engines) {
    this.engines = engines;
  }

  @Override
  public String scanner() {
    return SastEngine.NAME;
  }

  @Override
  public ScanOutcome check(LocalTree tree, List<String> paths, Optional<Path> rulePacks, FindingSink sink)
      throws IOException {
    SastEngine engine = engines.apply(paths, rulePacks);
    StartupTrace.mark("sast: engine built");
    var project = new Project(path -> text(tree, path));
    var inTree = new HashSet<String>();
    // in the order of a scan's manifest, so that "the file named X" is the same one a scan finds first
    for (String path : tree.paths().stream().sorted().toList()) {
      if (engine.wants(path) && tree.size(path) <= engine.maxFileBytes()) {
        project.addPath(path);
        inTree.add(path);
      }
    }
    var files = new ArrayList<SourceFile>();
    for (String path : paths) {
      if (inTree.contains(path)) {
        text(tree, path).ifPresent(t -> files.add(SourceFile.of(path, t)));
      }
    }
    StartupTrace.mark("sast: project of " + inTree.size() + " files listed, " + files.size() + " to analyse read");
    var problems = new ArrayList<String>();
    int scanned = engine.analyze(files, project, sink, problems, () -> false);
    return ScanOutcome.of(problems, scanned);
  }

  private static Optional<String> text(LocalTree tree, String path) {
    try {
      return tree.read(path).flatMap(ScanWorkspace::text);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
