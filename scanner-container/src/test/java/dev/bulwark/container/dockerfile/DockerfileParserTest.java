package dev.bulwark.container.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.container.TestResources;
import dev.bulwark.container.check.ConfigParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  @Test
  void continuationsSkipCommentAndBlankLinesAndKeepTheFirstAndLastLine() throws Exception {
    var df = DockerfileParser.parse(TestResources.text("dockerfile/continuations.Dockerfile"));
    var run = df.instructions().get(1);
    assertThat(run.keyword()).isEqualTo("RUN");
    assertThat(run.line()).isEqualTo(5);
    assertThat(run.endLine()).isEqualTo(9);
    assertThat(run.arguments()).contains("apt-get update").contains("build-essential").doesNotContain("comment");
  }

  @Test
  void multiStageBuildsKnowTheirStagesFlagsAndExecForm() throws Exception {
    var df = DockerfileParser.parse(TestResources.text("dockerfile/continuations.Dockerfile"));
    assertThat(df.stages()).extracting(Dockerfile.Stage::image).containsExactly("debian:12", "scratch");
    assertThat(df.stages().get(0).alias()).isEqualTo("build");
    var copy = df.instructions().get(2);
    assertThat(copy.flags()).containsEntry("from", "build").containsEntry("chown", "app:app");
    assertThat(copy.arguments()).isEqualTo("/src /dst");
    var cmd = df.lastStage().instructions().get(df.lastStage().instructions().size() - 1);
    assertThat(cmd.json()).contains(List.of("/app", "--port", "8080"));
    assertThat(df.lastStage().instructions()).extracting(Instruction::stage).containsOnly(1);
  }

  @Test
  void escapeDirectiveChangesTheContinuationCharacter() throws Exception {
    var df = DockerfileParser.parse(TestResources.text("dockerfile/backtick.Dockerfile"));
    assertThat(df.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "USER");
    assertThat(df.instructions().get(1).endLine()).isEqualTo(4);
  }

  @Test
  void instructionsBeforeTheFirstFromAreRejectedWithTheirLine() {
    assertThatThrownBy(() -> DockerfileParser.parse(TestResources.text("dockerfile/broken.Dockerfile")))
        .isInstanceOf(ConfigParseException.class).hasMessageContaining("line 1");
  }

  @Test
  void garbageIsRejectedNotCrashed() {
    assertThatThrownBy(() -> DockerfileParser.parse(TestResources.text("dockerfile/garbage.Dockerfile")))
        .isInstanceOf(ConfigParseException.class);
  }

  @Test
  void imageReferencesSplitRegistryRepositoryTagAndDigest() {
    var ref = ImageReference.parse("registry.example.com:5000/team/app:1.2@sha256:abc");
    assertThat(ref).isEqualTo(new ImageReference("team/app", "1.2", "sha256:abc"));
    assertThat(ImageReference.parse("docker.io/library/node").floating()).isTrue();
    assertThat(ImageReference.parse("node@sha256:abc").floating()).isFalse();
    assertThat(ImageReference.parse("localhost:5000/x").repository()).isEqualTo("x");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} → {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "Dockerfile, true", "docker/Dockerfile.dev, true", "Dockerfile.alpine, true", "build/app.Dockerfile, true",
      "Containerfile, true", "src/main/java/x/Dockerfile.java, false", "docs/Dockerfile.md, false",
      "Dockerfile.yaml, false", "Dockerfile.go, false", "DockerfileParser.java, false", "README.md, false"})
  void whichFilesAreDockerfiles(String path, boolean dockerfile) {
    var analyzer = new DockerfileAnalyzer(dev.bulwark.container.eol.EndOfLifeTable.bundled(TestResources.CLOCK));
    assertThat(analyzer.accepts(path)).isEqualTo(dockerfile);
  }
}
