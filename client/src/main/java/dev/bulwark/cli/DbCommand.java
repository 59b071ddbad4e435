package dev.bulwark.cli;

import dev.bulwark.sca.advisory.AdvisoryStore;
import dev.bulwark.sca.advisory.UrlOsvSource;
import java.net.URI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    @Option(names = "--kev", paramLabel = "FILE", description = "CISA KEV catalog (its JSON or CSV format).")
    Path kev;

    @Option(names = "--epss", paramLabel = "FILE", description = "FIRST EPSS scores (its CSV format).")
    Path epss;

    Update(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException {
      String from = source != null ? source : env.env().getOrDefault("BULWARK_ADVISORIES", "");
      if (from.isBlank() && kev == null && epss == null) {
        throw new UserError("nothing to import: pass --source PATH (OSV data), --kev FILE or --epss FILE");
      }
      if (!from.isBlank()) {
        importAdvisories(from);
      }
      if (kev != null) {
        install(kev, kev.toString().endsWith(".csv") ? "kev.csv" : "kev.json");
      }
      if (epss != null) {
        install(epss, "epss.csv");
      }
      return Main.PASS;
    }

    private void importAdvisories(String from) throws IOException {
      var store = AdvisoryStore.open(Files.createDirectories(env.home().resolve("sca")));
      AdvisoryStore.ImportResult result;
      if (from.startsWith("http://") || from.startsWith("https://")) {
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

    private void install(Path file, String name) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new UserError("file not found: " + file);
      }
      Path target = Files.createDirectories(env.home().resolve("intel")).resolve(name);
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      env.out().println("installed " + file + " as " + target + " (the gate reads it at start-up)");
    }
  }
}
