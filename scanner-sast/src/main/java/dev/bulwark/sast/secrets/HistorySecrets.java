package dev.bulwark.sast.secrets;

import dev.bulwark.common.finding.Fingerprints;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.secrets.SecretsAnalyzer.SecretMatch;
import dev.bulwark.sast.secrets.verify.VerificationSession;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Finding;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Secrets in file versions that exist only in the git history ({@code bulwark scan --history}
 * adds them to the manifest with {@code history_commit} set). One instance serves one scan: it
 * first learns which secrets the working tree still holds, so those are reported once, from the
 * tree; then it reports every other secret once, at the oldest version holding it, with the
 * commit in the title and the description. Only the secrets analyzer looks at history: code
 * rules on old versions would only repeat what was fixed.
 *
 * <p>Fingerprints follow the tree's scheme (rule, path, redacted snippet), so a secret that left
 * the tree keeps its identity, and its suppressions, when the history reports it. Two different
 * secrets behind the same redacted line get an ordinal ("#2", in manifest order), which is stable
 * as long as the history is.
 */
public final class HistorySecrets {
  private static final int BATCH = 256;
  private static final String VERIFIED = " (verified active)";

  private final SecretsAnalyzer analyzer;
  private final VerificationSession verification;
  private final Set<String> treeSecrets = new HashSet<>();
  private final Set<String> reported = new HashSet<>();
  private final Set<String> fingerprints = new HashSet<>();

  public HistorySecrets(SecretsAnalyzer analyzer) {
    this(analyzer, null);
  }

  /** With a verification session (the scan asked for it), old secrets are checked for liveness too. */
  public HistorySecrets(SecretsAnalyzer analyzer, VerificationSession verification) {
    this.analyzer = analyzer;
    this.verification = verification;
  }

  /** Learns the secrets of a working-tree file; the tree's own pass reports them. */
  public void rememberTree(SourceFile file) {
    if (analyzer.accepts(file.path())) {
      analyzer.matches(file, m -> {
        treeSecrets.add(m.secretHash());
        fingerprints.add(m.finding().getFingerprint());
      });
    }
  }

  /**
   * Reports the secrets of one history version that the tree does not hold and no earlier version
   * reported. {@code version.path()} is the file's path in that commit. Returns false when the
   * analyzer does not read such files (lockfiles, minified code).
   */
  public boolean scan(SourceFile version, String commit, Consumer<Finding> out) {
    if (!analyzer.accepts(version.path())) {
      return false;
    }
    analyzer.matches(version, verification, m -> {
      if (!treeSecrets.contains(m.secretHash()) && reported.add(m.secretHash())) {
        out.accept(inHistory(m, commit));
      }
    });
    return true;
  }

  /**
   * Scans the history entries of a workspace, batch by batch, in manifest order (the CLI lists the
   * oldest commits first). Binary versions and versions above {@code maxFileBytes} are skipped;
   * an entry without {@code history_path} is a problem, and the scan goes on. Returns how many
   * versions were scanned.
   */
  public int scan(ScanWorkspace ws, List<FileEntry> history, long maxFileBytes, Consumer<Finding> out,
      List<String> problems) throws IOException {
    var wanted = history.stream().filter(f -> f.getDigest().getSizeBytes() <= maxFileBytes).toList();
    int scanned = 0;
    for (int i = 0; i < wanted.size() && !ws.cancelled(); i += BATCH) {
      var batch = wanted.subList(i, Math.min(wanted.size(), i + BATCH));
      ws.prefetch(batch);
      for (FileEntry f : batch) {
        if (f.getHistoryPath().isBlank()) {
          problems.add(f.getPath() + ": history entry of commit " + f.getHistoryCommit() + " has no history_path");
          continue;
        }
        var text = ws.readText(f);
        if (text.isPresent() && scan(SourceFile.of(f.getHistoryPath(), text.get()), f.getHistoryCommit(), out)) {
          scanned++;
        }
      }
    }
    return scanned;
  }

  private Finding inHistory(SecretMatch m, String commit) {
    var location = m.finding().getLocation();
    String fingerprint = m.finding().getFingerprint();
    for (int n = 2; !fingerprints.add(fingerprint); n++) {
      fingerprint = Fingerprints.forCode(m.rule().id(), location.getPath(), location.getSnippet() + "\n#" + n);
    }
    String shortId = commit.substring(0, Math.min(7, commit.length()));
    String what = m.rule().title().toLowerCase(Locale.ROOT);
    String tree = m.finding().getDescription();
    int judgements = tree.indexOf(" Judgements:");
    boolean live = m.finding().getTitle().endsWith(VERIFIED);
    return m.finding().toBuilder()
        .setTitle(m.rule().title() + " in git history (commit " + shortId + ")" + (live ? VERIFIED : ""))
        .setDescription("A " + what + " was committed to " + location.getPath() + " (line "
            + location.getStartLine() + ") in commit " + commit + ". It is no longer in the scanned tree, but"
            + " every clone of the repository still holds it: anyone who can read the history can use it."
            + " See it with `git show " + shortId + ":./" + location.getPath() + "` from the scanned folder."
            + (judgements < 0 ? "" : tree.substring(judgements)))
        .setRemediation(m.rule().remediation() + " Rewriting the history (git filter-repo) only helps once every"
            + " clone is gone.")
        .setFingerprint(fingerprint)
        .build();
  }
}
