package dev.bulwark.dist;

import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.ResumableDownload;
import dev.bulwark.advisories.advisory.UrlOsvSource;
import dev.bulwark.cli.CliEnvironment;
import dev.bulwark.cli.Main;
import dev.bulwark.cli.UserError;
import dev.bulwark.dist.feeds.IntelFeeds;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark db update}: fills the local advisory store and the exploit-intelligence files. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Manage Bulwark's local databases.",
    subcommands = {DbCommand.Update.class})
final class DbCommand implements Runnable {
  @Override
  public void run() {
    throw new UserError("db needs a subcommand: update");
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Import OSV advisories (OSV's per-ecosystem export layout: a zip of <ID>.json, a URL of one,"
          + " e.g. https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip, or a folder"
          + " of such zips or of JSON files) into $BULWARK_HOME/sca, and CISA KEV / FIRST EPSS files into"
          + " $BULWARK_HOME/intel. Re-importing the same data changes nothing.")
  static final class Update implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--source", paramLabel = "PATH|URL", description = "OSV data (default: $BULWARK_ADVISORIES).")
    String source;

    @Option(names = "--kev", paramLabel = "PATH|URL", description = "CISA KEV catalog in its JSON or CSV format, e.g."
        + " https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json")
    String kev;

    @Option(names = "--epss", paramLabel = "PATH|URL", description = "FIRST EPSS scores in their CSV format, plain or"
        + " gzipped, e.g. https://epss.cyentia.com/epss_scores-current.csv.gz")
    String epss;

    Update(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException {
      String from = source != null ? source : env.env().getOrDefault("BULWARK_ADVISORIES", "");
      if (from.isBlank() && kev == null && epss == null) {
        throw new UserError("nothing to import: pass --source PATH|URL (OSV data), --kev PATH|URL or --epss PATH|URL");
      }
      if (!from.isBlank()) {
        importAdvisories(from);
      }
      if (kev != null) {
        installIntel(kev, "KEV catalog", true);
      }
      if (epss != null) {
        installIntel(epss, "EPSS scores", false);
      }
      return Main.PASS;
    }

    private void importAdvisories(String from) throws IOException {
      var store = AdvisoryStore.open(Files.createDirectories(env.home().resolve("sca")));
      AdvisoryStore.ImportResult result;
      if (ResumableDownload.isUrl(from)) {
        // e.g. https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip; resumes when run again
        var source = new UrlOsvSource(URI.create(from), env.home().resolve("downloads"), p ->
            env.progress("downloaded " + p.received() / 1024 + " KiB" + (p.total() > 0 ? " of " + p.total() / 1024 : "")));
        try {
          result = store.importFrom(source);
        } catch (IOException e) {
          throw new UserError(e.getMessage());
        }
      } else {
        Path path = Path.of(from);
        if (!Files.exists(path)) {
          throw new UserError("OSV source not found: " + path);
        }
        result = store.importFrom(path);
      }
      result.problems().forEach(p -> env.err().println("bulwark: " + p));
      env.out().println("read " + result.recordsRead() + " records from " + from + "; changed: "
          + (result.ecosystemsChanged().isEmpty() ? "nothing" : String.join(", ", result.ecosystemsChanged())));
      for (var eco : store.ecosystems()) {
        env.out().printf("  %-12s %8d records  updated %s%n", eco.name(), eco.records(), eco.updatedAt());
      }
    }

    /**
     * Fetches a KEV or EPSS feed (a file, or a URL downloaded with resume) and installs it where the
     * gate reads it ({@link IntelFeeds}: a feed the gate cannot read is refused, the installed one stays).
     */
    private void installIntel(String source, String what, boolean isKev) throws IOException {
      try {
        var installed = IntelFeeds.install(env.home(), fetch(source), source,
            isKev ? IntelFeeds.Kind.KEV : IntelFeeds.Kind.EPSS);
        installed.problems().stream().limit(5).forEach(p -> env.err().println("bulwark: " + p));
        env.out().println("installed " + installed.entries() + " " + what + " entries from " + source + " as "
            + installed.file() + " (the gate reads it at start-up)");
      } catch (IntelFeeds.RefusedException e) {
        throw new UserError(e.getMessage());
      }
    }

    private Path fetch(String source) throws IOException {
      if (ResumableDownload.isUrl(source)) {
        try {
          return new ResumableDownload(URI.create(source), env.home().resolve("downloads"), p ->
              env.progress("downloaded " + p.received() / 1024 + " KiB" + (p.total() > 0 ? " of " + p.total() / 1024 : "")))
              .download();
        } catch (IOException | IllegalArgumentException e) {
          throw new UserError(e.getMessage());
        }
      }
      Path file = Path.of(source);
      if (!Files.isRegularFile(file)) {
        throw new UserError("file not found: " + file);
      }
      return file;
    }
  }
}
