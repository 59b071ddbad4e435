package dev.bulwark.cli.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The CI systems {@code bulwark init} writes a pipeline for: the template it fills, where the file
 * goes, and what in a repository says the system is in use.
 *
 * @param template  resource name under {@code dev/bulwark/cli/init/}: the CI examples of
 *                  {@code examples/ci}, which the build copies into the CLI
 * @param file      where the pipeline goes
 * @param beside    where it goes instead when {@code file} already is the project's own pipeline
 *                  (never replaced: the user includes ours), or null when {@code file} is ours alone
 * @param howToUse  what the user does with {@code beside}
 */
public enum CiSystem {
  GITHUB("github", "ci/github-actions.yml", ".github/workflows/bulwark.yml", null, null),
  GITLAB("gitlab", "ci/gitlab-ci.yml", ".gitlab-ci.yml", ".gitlab/bulwark.gitlab-ci.yml",
      "add to .gitlab-ci.yml:  include: [{local: .gitlab/bulwark.gitlab-ci.yml}]"),
  JENKINS("jenkins", "ci/Jenkinsfile", "Jenkinsfile", "Jenkinsfile.bulwark",
      "copy its stages and post section into your Jenkinsfile, or point a second pipeline job at it");

  final String name;
  final String template;
  final String file;
  final String beside;
  final String howToUse;

  CiSystem(String name, String template, String file, String beside, String howToUse) {
    this.name = name;
    this.template = template;
    this.file = file;
    this.beside = beside;
    this.howToUse = howToUse;
  }

  /** "github", "gitlab" or "jenkins". */
  public String label() {
    return name;
  }

  public static Optional<CiSystem> named(String name) {
    return Arrays.stream(values()).filter(c -> c.name.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
  }

  /**
   * The systems a repository uses: its pipeline files ({@code .github/workflows},
   * {@code .gitlab-ci.yml}, {@code Jenkinsfile}); without any, its {@code origin} remote's host
   * (github / gitlab). Empty when nothing tells.
   */
  public static List<CiSystem> detect(Path repo) {
    var found = new ArrayList<CiSystem>();
    if (Files.isDirectory(repo.resolve(".github"))) {
      found.add(GITHUB);
    }
    if (Files.isRegularFile(repo.resolve(".gitlab-ci.yml"))) {
      found.add(GITLAB);
    }
    if (Files.isRegularFile(repo.resolve("Jenkinsfile"))) {
      found.add(JENKINS);
    }
    if (found.isEmpty()) {
      String origin = originUrl(repo).toLowerCase(Locale.ROOT);
      if (origin.contains("github")) {
        found.add(GITHUB);
      } else if (origin.contains("gitlab")) {
        found.add(GITLAB);
      }
    }
    return found;
  }

  private static String originUrl(Path repo) {
    var builder = new FileRepositoryBuilder().findGitDir(repo.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      return "";
    }
    try (var r = builder.build()) {
      return Optional.ofNullable(r.getConfig().getString("remote", "origin", "url")).orElse("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
