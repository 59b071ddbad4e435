package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.hook.PreCommitHook;
import dev.bulwark.cli.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark hook install} on real git repositories, and the installed hook run for real by
 * git, with a fake {@code bulwark} that records its arguments and a copy of the tree it was given.
 */
@DisplayName("bulwark hook install and the pre-commit hook")
class HookCommandTest {
  @TempDir
  Path tmp;
  Path home;
  Path repo;
  Path fake;
  Path record;

  /** Output and exit code of a process. */
  record Ran(int exitCode, String output) {}

  @BeforeEach
  void repository() throws Exception {
    home = Files.createDirectories(tmp.resolve("home"));
    repo = Files.createDirectories(tmp.resolve("my repo"));
    record = Files.createDirectories(tmp.resolve("record"));
    assertThat(git("init", "-q").exitCode()).isZero();
    // Records the arguments; exits with $FAKE_EXIT.
    fake = tmp.resolve("fake bin/bulwark");
    Files.createDirectories(fake.getParent());
    Files.writeString(fake, """
        #!/usr/bin/env bash
        printf '%s\\n' "$@" > "$FAKE_RECORD/args"
        echo "FAKE REPORT"
        exit "${FAKE_EXIT:-0}"
        """);
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  Ran run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
    var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("FAKE_RECORD", record.toString());
    var p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Ran(p.waitFor(), out);
  }

  Ran git(String... args) throws IOException, InterruptedException {
    return gitWith(Map.of(), args);
  }

  Ran gitWith(Map<String, String> env, String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
        "-c", "core.hooksPath=.git/hooks", "-c", "init.defaultBranch=main"));
    command.addAll(List.of(args));
    return run(repo, env, command.toArray(String[]::new));
  }

  CliRun install(String... extra) {
    var args = new ArrayList<>(List.of("hook", "install", "--path", repo.toString(), "--bulwark", fake.toString()));
    args.addAll(List.of(extra));
    return CliRun.run(home, List.of(), args.toArray(String[]::new));
  }

  Path hook() {
    return repo.resolve(".git/hooks/pre-commit");
  }

  @Test
  void installWritesAnExecutableValidHookThatNamesTheCliByAbsolutePath() throws Exception {
    var r = install();
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("installed").contains(hook().toString());
    String script = Files.readString(hook());
    assertThat(script).startsWith("#!/usr/bin/env bash\n" + PreCommitHook.MARKER)
        .contains("bulwark=('" + fake.toAbsolutePath() + "')").contains("check --staged --repo \"$root\"")
        .contains("git commit --no-verify").contains(".bulwark.yaml");
    assertThat(Files.getPosixFilePermissions(hook())).contains(PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(run(repo, Map.of(), "bash", "-n", hook().toString()).exitCode()).isZero();
  }

  @Test
  void aForeignHookIsKeptUnlessForcedAndThenSetAside() throws Exception {
    Files.createDirectories(hook().getParent());
    Files.writeString(hook(), "#!/bin/sh\necho lint\n");
    var refused = install();
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("not written by bulwark").contains("--force");
    assertThat(Files.readString(hook())).isEqualTo("#!/bin/sh\necho lint\n");

    var forced = install("--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(hook())).contains(PreCommitHook.MARKER);
    assertThat(Files.readString(hook().resolveSibling("pre-commit.before-bulwark"))).isEqualTo("#!/bin/sh\necho lint\n");

    var again = install();
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("updated");
    assertThat(Files.isExecutable(hook())).isTrue();
  }

  @Test
  void outsideAGitRepositoryInstallIsAClearError() throws Exception {
    var notRepo = Files.createDirectories(tmp.resolve("plain"));
    var r = CliRun.run(home, List.of(), "hook", "install", "--path", notRepo.toString(), "--bulwark", fake.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not a git repository");
  }

  @Test
  void theHookChecksTheStagedChangesOfTheRepositoryFromItsRoot() throws Exception {
    assertThat(install().exitCode()).isZero();
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src/lib.py"), "x = 1\n");
    git("add", "src/lib.py");

    var ran = run(repo.resolve("src"), Map.of("FAKE_EXIT", "0"), "bash", hook().toString());

    assertThat(ran.exitCode()).as(ran.output()).isZero();
    assertThat(Files.readAllLines(record.resolve("args"))).containsExactly("check", "--staged", "--repo",
        repo.toRealPath().toString(), "--project", "my repo", "--branch", "main");
  }

  @Test
  void aFailBlocksARealCommitWithHowToSuppressAndNoVerifyStillCommits() throws Exception {
    assertThat(install().exitCode()).isZero();
    Files.writeString(repo.resolve("app.py"), "eval(input())\n");
    git("add", "app.py");

    var blocked = gitWith(Map.of("FAKE_EXIT", "1"), "commit", "-q", "-m", "risky");
    assertThat(blocked.exitCode()).isNotZero();
    assertThat(blocked.output()).contains("FAKE REPORT").contains("commit blocked").contains("FAIL")
        .contains("suppressions:").contains("git commit --no-verify")
        .contains("bulwark suppress add --project 'my repo' --rule RULE_ID");
    assertThat(git("rev-parse", "--verify", "-q", "HEAD").exitCode()).as("nothing committed").isNotZero();

    var error = gitWith(Map.of("FAKE_EXIT", "2"), "commit", "-q", "-m", "risky");
    assertThat(error.exitCode()).isNotZero();
    assertThat(error.output()).contains("ERROR");

    assertThat(gitWith(Map.of("FAKE_EXIT", "1"), "commit", "-q", "--no-verify", "-m", "anyway").exitCode()).isZero();
    Files.writeString(repo.resolve("app.py"), "print('ok')\n");
    git("add", "app.py");
    var passed = gitWith(Map.of("FAKE_EXIT", "0"), "commit", "-q", "-m", "clean");
    assertThat(passed.exitCode()).as(passed.output()).isZero();
  }

  @Test
  void withoutBulwarkTheHookRunsTheRepositoryLauncherOrElseJavaOnTheJar() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("checkout"));
    Path jar = Files.createDirectories(root.resolve("distribution/target")).resolve("bulwark.jar");
    Files.writeString(jar, "jar");
    Path javaHome = Path.of("/opt/jdk");
    assertThat(HookCommand.running(jar, javaHome))
        .containsExactly("/opt/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
    Files.writeString(jar.resolveSibling("bulwark.jsa"), "archive");
    assertThat(HookCommand.running(jar, javaHome)).containsExactly("/opt/jdk/bin/java", "-XX:TieredStopAtLevel=1",
        "-XX:SharedArchiveFile=" + jar.resolveSibling("bulwark.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-jar", jar.toString());
    Files.writeString(root.resolve("bulwark"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(root.resolve("bulwark"), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(HookCommand.running(jar, javaHome)).containsExactly(root.resolve("bulwark").toString());
    var fromClasses = CliRun.run(home, List.of(), "hook", "install", "--path", repo.toString());
    assertThat(fromClasses.exitCode()).isEqualTo(2);
    assertThat(fromClasses.err()).contains("pass --bulwark PATH");
    assertThat(hook()).doesNotExist();
  }
}
