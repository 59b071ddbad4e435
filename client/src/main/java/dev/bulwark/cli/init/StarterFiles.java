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
 * pipeline of each CI system (around a download of the released thin client, {@code bulwark-cli}),
 * and Bulwark's hook for the pre-commit framework. Templates are resources beside this class;
 * {@code @NAME@} placeholders are filled from {@link Settings}.
 */
public final class StarterFiles {
  /** The download URL of the thin client when none is given: a placeholder to change, clearly marked in each file. */
  public static final String PLACEHOLDER_URL = "https://downloads.example.com/bulwark/@BULWARK_VERSION@/"
      + "bulwark-cli-@BULWARK_VERSION@.tar.gz";
  public static final String PLACEHOLDER_GATEWAY = "bulwark-gateway.example.com:7070";

  private StarterFiles() {}

  /**
   * @param cliVersion    the bulwark-cli release the pipelines install
   * @param cliUrl        where that release's tar.gz is downloaded from ({@code @BULWARK_VERSION@} is filled in)
   * @param gateway       the gateway pipelines scan through (host:port)
   * @param defaultBranch the branch pull requests are compared with
   */
  public record Settings(String cliVersion, String cliUrl, String gateway, String defaultBranch) {}

  /** One file to write; {@code note} tells the user what to do with it, or is empty. */
  public record StarterFile(String path, String content, boolean executable, String note) {}

  /** What happened to one file. */
  public enum Outcome { WRITTEN, REPLACED, KEPT }

  public static List<StarterFile> plan(Path repo, List<CiSystem> ci, Settings settings) {
    var files = new ArrayList<StarterFile>();
    files.add(new StarterFile(".bulwark/policy.yaml", fill("policy.yaml", settings), false, ""));
    for (CiSystem system : ci) {
      boolean theirs = system.beside != null && Files.exists(repo.resolve(system.file));
      files.add(new StarterFile(theirs ? system.beside : system.file, fill(system.template, settings), false,
          theirs ? system.howToUse : ""));
    }
    files.add(new StarterFile(".bulwark/pre-commit", PreCommitHook.script(List.of("bulwark")), true, ""));
    files.add(new StarterFile(".pre-commit-hooks.yaml", fill("pre-commit-hooks.yaml", settings), false, ""));
    files.add(new StarterFile(".pre-commit-config.yaml", fill("pre-commit-config.yaml", settings), false,
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

  static String fill(String template, Settings s) {
    String text = resource(template);
    String url = s.cliUrl().replace("@BULWARK_VERSION@", s.cliVersion());
    return text.replace("@BULWARK_CLI_URL@", url).replace("@BULWARK_VERSION@", s.cliVersion())
        .replace("@BULWARK_GATEWAY@", s.gateway()).replace("@DEFAULT_BRANCH@", s.defaultBranch());
  }

  private static String resource(String name) {
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
