package dev.bulwark.cli.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a test folder, written with JGit: files, commits at chosen times, branches. */
public final class TestRepo implements AutoCloseable {
  private final Git git;
  private final Path dir;
  private Instant clock = Instant.parse("2024-01-01T10:00:00Z");

  private TestRepo(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  public static TestRepo init(Path dir) throws Exception {
    Files.createDirectories(dir);
    return new TestRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
  }

  public Path dir() {
    return dir;
  }

  public TestRepo write(String path, String text) throws IOException {
    return write(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public TestRepo write(String path, byte[] content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return this;
  }

  public TestRepo delete(String path) throws IOException {
    Files.delete(dir.resolve(path));
    return this;
  }

  /** Stages everything (deletions too) and commits, one day after the previous commit. */
  public RevCommit commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    clock = clock.plusSeconds(86_400);
    var who = new PersonIdent(new PersonIdent("Test", "test@example.com"), Date.from(clock),
        TimeZone.getTimeZone(ZoneOffset.UTC));
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  /** The time the next commit will get minus one day, i.e. the last commit's time. */
  public Instant lastCommitTime() {
    return clock;
  }

  public TestRepo branch(String name) throws Exception {
    git.checkout().setCreateBranch(true).setName(name).call();
    return this;
  }

  public TestRepo checkout(String name) throws Exception {
    git.checkout().setName(name).call();
    return this;
  }

  /** Merges the branch into the current one with a merge commit (no fast-forward). */
  public RevCommit merge(String branch) throws Exception {
    var result = git.merge().include(git.getRepository().resolve(branch)).setFastForward(
        MergeCommand.FastForwardMode.NO_FF).setMessage("merge " + branch).setCommit(true).call();
    if (!result.getMergeStatus().isSuccessful()) {
      throw new IllegalStateException("merge of " + branch + " failed: " + result.getMergeStatus());
    }
    return git.getRepository().parseCommit(result.getNewHead());
  }

  @Override
  public void close() {
    git.close();
  }
}
