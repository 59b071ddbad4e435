package dev.bulwark.cli.init;

import dev.bulwark.cli.hook.PreCommitHook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bulwark init} writes into a repository: a starter {@code .bulwark/policy.yaml}, the
 * pipeline of each CI system — Bulwark's own CI examples ({@code examples/ci}: they install the
 * released thin client {@code bulwark-cli} from a URL the organisation sets, check its SHA-256 and
 * scan through the gateway), with the values given filled in ({@link CiSettings}) — and
 * Bulwark's hook for the pre-commit framework. The other templates are resources beside this class.
 */
public final class StarterFiles {
  private StarterFiles() {}

  /**
   * Values for the pipelines; null leaves the example's own (a CI variable or a marked CHANGE ME).
   *
   * @param gateway       the gateway pipelines scan through (host:port)
   * @param cliUrl        where the bulwark-cli bundle (tar.gz) is downloaded from
   * @param cliSha256     the bundle's SHA-256, checked before it is unpacked
   * @param defaultBranch the branch pull requests are compared with
   */
  public record Settings(String gateway, String cliUrl, String cliSha256, String defaultBranch) {}

  /** One file to write; {@code note} tells the user what to do with it, or is empty. */
  public record StarterFile(String path, String content, boolean executable, String note) {}

  /** What happened to one file. */
  public enum Outcome { WRITTEN, REPLACED, KEPT }

  public static List<StarterFile> plan(Path repo, List<CiSystem> ci, Settings settings) {
    var files = new ArrayList<StarterFile>();
    files.add(new StarterFile(".bulwark/policy.yaml", resource("policy.yaml"), false, ""));
    for (CiSystem system : ci) {
      boolean theirs = system.beside != null && Files.exists(repo.resolve(system.file));
      files.add(new StarterFile(theirs ? system.beside : system.file, pipeline(system, settings), false,
          theirs ? system.howToUse : ""));
    }
    files.add(new StarterFile(".bulwark/pre-commit", PreCommitHook.script(List.of("bulwark")), true, ""));
    files.add(new StarterFile(".pre-commit-hooks.yaml", resource("pre-commit-hooks.yaml"), false, ""));
    files.add(new StarterFile(".pre-commit-config.yaml", resource("pre-commit-config.yaml"), false,
        "run `pre-commit install` to have git run the hook"));
    return files;
  }

  /** Writes one file; an existing file is kept unless {@code force}. */
  public static Outcome write(Path repo, StarterFile file, boolean force) throws IOException {
    Path target = repo.resolve(file.path());
    boolean exists = Files.exists(target);
    if (exists && !force) {
      return Outcome.KEPT;
    }
    Files.createDirectories(target.getParent());
    Files.writeString(target, file.content(), StandardCharsets.UTF_8);
    if (file.executable()) {
      try {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException notPosix) {
        target.toFile().setExecutable(true);
      }
    }
    return exists ? Outcome.REPLACED : Outcome.WRITTEN;
  }

  /** The CI example of the system with the given values set. */
  static String pipeline(CiSystem system, Settings s) {
    return CiSettings.apply(system, resource(system.template),
        new CiSettings.Values(s.gateway(), s.cliUrl(), s.cliSha256(), s.defaultBranch()));
  }

  static String resource(String name) {
    try (InputStream in = StarterFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("template " + name + " is missing from the CLI");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
