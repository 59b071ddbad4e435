package dev.bulwark.cli.init;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("bulwark init: which CI it detects, which files it writes, and that it never overwrites unasked")
class StarterFilesTest {
  static final StarterFiles.Settings SETTINGS = new StarterFiles.Settings(null, null, null, "main");

  @TempDir
  Path repo;

  @Test
  void theCiSystemIsDetectedFromThePipelineFilesTheRepositoryHolds() throws Exception {
    assertThat(CiSystem.detect(repo)).isEmpty();
    Files.createDirectories(repo.resolve(".github/workflows"));
    Files.writeString(repo.resolve("Jenkinsfile"), "pipeline {}\n");
    assertThat(CiSystem.detect(repo)).containsExactly(CiSystem.GITHUB, CiSystem.JENKINS);
  }

  @Test
  void withoutPipelineFilesTheOriginRemoteTells() throws Exception {
    try (var git = Git.init().setDirectory(repo.toFile()).call()) {
      var config = git.getRepository().getConfig();
      config.setString("remote", "origin", "url", "git@gitlab.example.org:acme/shop.git");
      config.save();
    }
    assertThat(CiSystem.detect(repo)).containsExactly(CiSystem.GITLAB);
  }

  @Test
  void aProjectsOwnGitlabPipelineIsNeverReplacedOursGoesBesideIt() throws Exception {
    Files.writeString(repo.resolve(".gitlab-ci.yml"), "build:\n  script: [make]\n");

    var files = StarterFiles.plan(repo, List.of(CiSystem.GITLAB), SETTINGS);

    assertThat(files).extracting(StarterFiles.StarterFile::path).containsExactly(".bulwark/policy.yaml",
        ".gitlab/bulwark.gitlab-ci.yml", ".bulwark/pre-commit", ".pre-commit-hooks.yaml", ".pre-commit-config.yaml");
    assertThat(files.get(1).note()).contains("include: [{local: .gitlab/bulwark.gitlab-ci.yml}]");
  }

  @Test
  void existingFilesAreKeptUnlessForced() throws Exception {
    Files.createDirectories(repo.resolve(".bulwark"));
    Files.writeString(repo.resolve(".bulwark/policy.yaml"), "version: 1\n# mine\n");
    var policy = StarterFiles.plan(repo, List.of(), SETTINGS).get(0);

    assertThat(StarterFiles.write(repo, policy, false)).isEqualTo(StarterFiles.Outcome.KEPT);
    assertThat(Files.readString(repo.resolve(".bulwark/policy.yaml"))).contains("# mine");
    assertThat(StarterFiles.write(repo, policy, true)).isEqualTo(StarterFiles.Outcome.REPLACED);
    assertThat(Files.readString(repo.resolve(".bulwark/policy.yaml"))).contains("no-committed-secrets");
  }

  @Test
  void thePreCommitFrameworkFindsAnExecutableHookThatScansTheStagedContent() throws Exception {
    for (var f : StarterFiles.plan(repo, List.of(), SETTINGS)) {
      StarterFiles.write(repo, f, false);
    }
    var yaml = new ObjectMapper(new YAMLFactory());
    var hooks = yaml.readTree(repo.resolve(".pre-commit-hooks.yaml").toFile());
    assertThat(hooks.get(0).get("id").asText()).isEqualTo("bulwark");
    assertThat(hooks.get(0).get("entry").asText()).isEqualTo(".bulwark/pre-commit");
    assertThat(hooks.get(0).get("language").asText()).isEqualTo("script");
    assertThat(hooks.get(0).get("pass_filenames").asBoolean()).isFalse();
    var config = yaml.readTree(repo.resolve(".pre-commit-config.yaml").toFile());
    assertThat(config.at("/repos/0/repo").asText()).isEqualTo("local");
    assertThat(config.at("/repos/0/hooks/0/entry").asText()).isEqualTo(".bulwark/pre-commit");
    assertThat(Files.isExecutable(repo.resolve(".bulwark/pre-commit"))).isTrue();
    assertThat(Files.readString(repo.resolve(".bulwark/pre-commit"))).contains("git checkout-index --all")
        .contains("${BULWARK_GATEWAY:+--gateway \"$BULWARK_GATEWAY\"}");
  }
}
