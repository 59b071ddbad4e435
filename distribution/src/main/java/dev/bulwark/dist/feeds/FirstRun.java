package dev.bulwark.dist.feeds;

import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.ResumableDownload;
import dev.bulwark.cli.local.ScanPreparation;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code bulwark scan} does before the embedded cluster starts: makes sure the advisory data
 * the tree needs is there and fresh, as Trivy and Grype do on first use. It finds the tree's
 * ecosystems ({@link TreeEcosystems}), and for each whose OSV export was fetched longer ago than
 * the maximum age (or never), and for the KEV and EPSS feeds, downloads it ({@link
 * ResumableDownload}: an interrupted download resumes) with a progress bar on a terminal and
 * imports it where the services read it ({@code $BULWARK_HOME/sca}, {@code $BULWARK_HOME/intel}).
 * Offline, or when a source cannot be reached, it says so in one warning line and the scan goes on
 * with what there is. A tree without manifests fetches nothing.
 */
public final class FirstRun {
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

  private final Clock clock;

  public FirstRun(Clock clock) {
    this.clock = clock;
  }

  /** One thing to fetch. */
  private record Feed(String key, String label, String source, Optional<String> ecosystem,
      Optional<IntelFeeds.Kind> intel) {}

  public void run(ScanPreparation p) {
    if (p.tree().isEmpty()) {
      return;
    }
    try {
      Set<String> ecosystems = TreeEcosystems.of(p.tree().get(), List.of(p.home()));
      if (!ecosystems.isEmpty()) {
        update(p, ecosystems);
      }
    } catch (IOException | RuntimeException e) {
      warn(p.err(), "cannot prepare advisory data (" + e.getMessage() + "); scanning with what " + p.home()
          + " holds");
    }
  }

  private void update(ScanPreparation p, Set<String> ecosystems) throws IOException {
    var sources = FeedSources.from(p.env());
    var feeds = new ArrayList<Feed>();
    for (String eco : ecosystems) {
      feeds.add(new Feed("osv:" + eco, eco, sources.osv(eco), Optional.of(eco), Optional.empty()));
    }
    feeds.add(new Feed("kev", "KEV", sources.kev(), Optional.empty(), Optional.of(IntelFeeds.Kind.KEV)));
    feeds.add(new Feed("epss", "EPSS", sources.epss(), Optional.empty(), Optional.of(IntelFeeds.Kind.EPSS)));

    var log = new FetchLog(p.home());
    var store = AdvisoryStore.open(Files.createDirectories(p.home().resolve("sca")));
    Instant now = clock.instant();
    Duration maxAge = p.maxAge().orElse(DEFAULT_MAX_AGE);
    var due = feeds.stream().filter(f -> age(f, log, store, p.home()).map(t -> t.plus(maxAge).isBefore(now)
        || maxAge.isZero()).orElse(true)).toList();
    if (due.isEmpty()) {
      return;
    }
    if (p.offline()) {
      warn(p.err(), "offline: advisory data not fetched; scanning with what " + p.home() + " holds: "
          + describe(due, log, store, p.home()));
      return;
    }
    var bar = new ProgressBar(p.err(), p.interactive());
    var fetched = new ArrayList<String>();
    var failed = new ArrayList<Feed>();
    Set<String> unreachable = new HashSet<>();
    String firstError = null;
    for (Feed f : due) {
      String host = FeedSources.host(f.source());
      if (unreachable.contains(host)) {
        failed.add(f);
        continue;
      }
      try {
        fetched.add(fetch(f, p.home(), store, bar));
        log.record(f.key(), now);
      } catch (IOException | IntelFeeds.RefusedException | RuntimeException e) {
        failed.add(f);
        firstError = firstError != null ? firstError : f.label() + ": " + message(e);
        if (!host.isEmpty() && connectionFailed(e)) {
          unreachable.add(host);
        }
      } finally {
        bar.finish();
      }
    }
    if (!fetched.isEmpty()) {
      p.err().println("bulwark: fetched " + String.join(", ", fetched) + " into " + p.home());
    }
    if (!failed.isEmpty()) {
      warn(p.err(), "cannot fetch advisory data (" + firstError + "); scanning with what " + p.home() + " holds: "
          + describe(failed, log, store, p.home()));
    }
  }

  /** Downloads (or reads) one feed and installs it; returns how to name it in the summary. */
  private String fetch(Feed f, Path home, AdvisoryStore store, ProgressBar bar)
      throws IOException, IntelFeeds.RefusedException {
    boolean remote = ResumableDownload.isUrl(f.source());
    Path file;
    if (remote) {
      // one folder per feed: every OSV export is called all.zip, and a partial one must resume as itself
      Path downloads = home.resolve("downloads").resolve(f.key().replace(':', '-'));
      String label = f.label() + (f.ecosystem().isPresent() ? " advisories" : "");
      file = new ResumableDownload(URI.create(f.source()), downloads,
          progress -> bar.show(label, progress.received(), progress.total())).download();
    } else {
      file = Path.of(f.source().startsWith("file:") ? URI.create(f.source()).getPath() : f.source());
      if (!Files.isRegularFile(file)) {
        throw new IOException("not found: " + file);
      }
    }
    try {
      if (f.intel().isPresent()) {
        var installed = IntelFeeds.install(home, file, f.source(), f.intel().get());
        return f.label() + " (" + installed.entries() + " entries)";
      }
      var result = store.importFrom(file);
      if (result.recordsRead() == 0) {
        throw new IOException("no OSV records in " + f.source()
            + (result.problems().isEmpty() ? "" : ": " + result.problems().get(0)));
      }
      return f.label() + " (" + result.recordsRead() + " advisories)";
    } finally {
      if (remote) {
        Files.deleteIfExists(file); // imported; the next fetch downloads a fresh copy anyway
      }
    }
  }

  /** When the data a feed stands for was last brought in: fetched, imported, or installed. */
  private static Optional<Instant> age(Feed f, FetchLog log, AdvisoryStore store, Path home) {
    var fetched = log.fetchedAt(f.key());
    if (fetched.isPresent()) {
      return fetched;
    }
    if (f.ecosystem().isPresent()) { // imported by `bulwark db update`, say
      return store.ecosystems().stream().filter(e -> e.name().equalsIgnoreCase(f.ecosystem().get()) && e.records() > 0)
          .findFirst().map(e -> Instant.parse(e.updatedAt()));
    }
    var names = f.intel().get() == IntelFeeds.Kind.KEV ? List.of("kev.json", "kev.csv") : List.of("epss.csv");
    for (String name : names) {
      Path file = home.resolve("intel").resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          return Optional.of(Files.getLastModifiedTime(file)).map(FileTime::toInstant);
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** "npm: none, Maven: from 2026-12-01" */
  private static String describe(List<Feed> feeds, FetchLog log, AdvisoryStore store, Path home) {
    var parts = new ArrayList<String>();
    for (Feed f : feeds) {
      parts.add(f.label() + ": " + age(f, log, store, home)
          .map(t -> "from " + t.atOffset(ZoneOffset.UTC).toLocalDate()).orElse("none"));
    }
    return String.join(", ", parts);
  }

  private static boolean connectionFailed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
          : e.getClass().getSimpleName();
    }
    return connectionFailed(e) ? "unreachable: " + m.strip() : m.strip();
  }

  private static void warn(PrintStream err, String line) {
    err.println("bulwark: warning: " + line);
  }
}
