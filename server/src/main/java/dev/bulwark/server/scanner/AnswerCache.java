package dev.bulwark.server.scanner;

import dev.bulwark.common.cas.Digests;
import dev.bulwark.server.scanner.results.ResultCache;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.server.scanner.results.TreeFacts;
import dev.bulwark.v1.DeclaredPackage;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.UnitResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole-answer level in front of an engine's per-unit results: a scan whose input is unchanged
 * (the engine's {@link ScannerEngine#answerKey() answer key}, the {@code verify_secrets} flag, the
 * images, and the path, digest and mode of each file the engine finds {@link ScannerEngine#relevant
 * relevant}) gets the findings, inventory and outcome of the scan that stored them, without the
 * engine running at all. Files read outside the relevant ones (by name, or by a replayed per-unit
 * result) are kept with the answer as {@code read:} facts and checked on reuse.
 *
 * <p>An answer is kept only when the scan finished (not FAILED, not cancelled) and the engine said
 * nothing made it irreproducible ({@link ScanWorkspace#irreproducible}). Entries live in the
 * engine's results store beside its per-unit results; a missing, unreadable or inconsistent entry
 * is a miss, never a failed scan.
 */
final class AnswerCache {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerCache.class);
  private static final String UNIT = "answer";
  private static final String STATUS = "status";
  private static final String FILES = "files";
  private static final String FINDINGS = "findings";
  private static final String PACKAGES = "packages";

  /** What a scan answered, as the wire carries it (findings before the scanner stamps them). */
  record Answer(List<Finding> findings, List<Package> packages, ScanOutcome outcome) {}

  private final ResultStore store;

  AnswerCache(ResultStore store) {
    this.store = store;
  }

  /**
   * The answer entry of this scan; empty when answers are not kept (no store, or the engine has
   * no answer key).
   */
  Optional<Entry> entry(ScannerEngine engine, ScanWorkspace ws) {
    if (store == ResultStore.NONE) {
      return Optional.empty();
    }
    String key;
    try {
      key = engine.answerKey().orElse("");
    } catch (RuntimeException e) {
      LOG.warn("{}: whole answers off for this scan: no answer key: {}", engine.name(), e.toString());
      return Optional.empty();
    }
    if (key.isEmpty()) {
      return Optional.empty();
    }
    var relevant = new HashSet<String>();
    var inputs = new ArrayList<String>();
    for (FileEntry f : ws.files()) {
      if (engine.relevant(f)) {
        relevant.add(f.getPath());
        inputs.add(line("file", f.getPath(), f.getDigest().getHash(), f.getDigest().getSizeBytes(), f.getMode()));
      }
    }
    for (FileEntry f : ws.historyFiles()) {
      if (engine.relevant(f)) {
        inputs.add(line("history", f.getHistoryCommit(), f.getPath(), f.getDigest().getHash(), f.getMode()));
      }
    }
    for (Image image : ws.images()) {
      inputs.add(line("image", image.getName(), image.getArchive().getHash()));
    }
    inputs.sort(Comparator.naturalOrder());
    MessageDigest digest = Digests.sha256();
    digest.update(line("verify-secrets", ws.task().getVerifySecrets()).getBytes(StandardCharsets.UTF_8));
    inputs.forEach(i -> digest.update(i.getBytes(StandardCharsets.UTF_8)));
    return Optional.of(new Entry(new ResultCache(store, "answer/" + key), HexFormat.of().formatHex(digest.digest()),
        relevant, ws));
  }

  private static String line(String kind, Object... parts) {
    var out = new StringBuilder(kind);
    for (Object p : parts) {
      out.append('\u0000').append(p);
    }
    return out.append('\n').toString();
  }

  /** One scan's answer: looked up before the engine runs, kept after it when reproducible. */
  static final class Entry {
    private final ResultCache answers;
    private final String input;
    private final Set<String> relevant;
    private final ScanWorkspace ws;
    private TreeFacts tree;

    private Entry(ResultCache answers, String input, Set<String> relevant, ScanWorkspace ws) {
      this.answers = answers;
      this.input = input;
      this.relevant = relevant;
      this.ws = ws;
    }

    /** The kept answer, when the facts it read outside the relevant files are unchanged too. */
    Optional<Answer> lookup() {
      return answers.lookup(UNIT, input, facts()).flatMap(Entry::decode);
    }

    /**
     * Keeps the answer unless the engine called it irreproducible; returns why it was not kept
     * (empty: kept, or the store refused, which is logged).
     */
    Optional<String> keep(Answer answer) {
      var why = ws.irreproducibleBecause();
      if (!why.isEmpty()) {
        return Optional.of(String.join("; ", new TreeSet<>(why)));
      }
      if (answer.outcome().status() != ScannerStatus.OK && answer.outcome().status() != ScannerStatus.DEGRADED) {
        return Optional.of("status " + answer.outcome().status());
      }
      answers.save(UNIT, input, encode(answer), dependencies(), facts());
      return Optional.empty();
    }

    /**
     * The files the answer rests on besides the relevant ones: those the per-unit results reused
     * or kept read, and every file the engine read or looked up by name (present or not). Other
     * facts come from relevant files (a folder's files matter to an engine only when they are
     * relevant to it, and those are in the key) or are part of the engine's answer key (an
     * analyzer's table).
     */
    private Set<String> dependencies() {
      var out = new TreeSet<String>();
      for (String d : ws.results().dependenciesUsed()) {
        if (d.startsWith(TreeFacts.READ) && !relevant.contains(d.substring(TreeFacts.READ.length()))) {
          out.add(d);
        }
      }
      ws.pathsRead().stream().filter(p -> !relevant.contains(p)).forEach(p -> out.add(TreeFacts.read(p)));
      return out;
    }

    private Function<String, String> facts() {
      return d -> {
        if (tree == null) {
          tree = new TreeFacts(ws.files());
        }
        return tree.apply(d);
      };
    }

    private static UnitResult.Builder encode(Answer answer) {
      var result = UnitResult.newBuilder().setAnalysed(true).addAllFindings(answer.findings());
      answer.packages().forEach(p -> result.addPackages(DeclaredPackage.newBuilder().setPackage(p)));
      if (!answer.outcome().message().isEmpty()) {
        result.addProblems(answer.outcome().message());
      }
      return result.putCounts(STATUS, answer.outcome().status().getNumber())
          .putCounts(FILES, answer.outcome().filesScanned())
          .putCounts(FINDINGS, answer.findings().size())
          .putCounts(PACKAGES, answer.packages().size());
    }

    /** The answer, or empty when the entry does not hold a whole one (a miss: the engine runs). */
    private static Optional<Answer> decode(UnitResult r) {
      var status = ScannerStatus.forNumber(r.getCountsOrDefault(STATUS, -1));
      boolean whole = (status == ScannerStatus.OK || status == ScannerStatus.DEGRADED)
          && r.getCountsOrDefault(FINDINGS, -1) == r.getFindingsCount()
          && r.getCountsOrDefault(PACKAGES, -1) == r.getPackagesCount()
          && r.getProblemsCount() <= 1 && r.containsCounts(FILES);
      if (!whole) {
        LOG.warn("whole-answer cache: an inconsistent entry (the scan runs instead)");
        return Optional.empty();
      }
      String message = r.getProblemsCount() == 0 ? "" : r.getProblems(0);
      return Optional.of(new Answer(r.getFindingsList(),
          r.getPackagesList().stream().map(DeclaredPackage::getPackage).toList(),
          new ScanOutcome(status, message, r.getCountsOrThrow(FILES))));
    }
  }
}
