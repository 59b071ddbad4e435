package dev.bulwark.dist;

import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.explain.Explainer;
import dev.bulwark.cli.CliEnvironment;
import dev.bulwark.cli.Main;
import dev.bulwark.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark explain ECOSYSTEM:NAME@VERSION}: why a package version is (or is not) affected,
 * range by range and event by event, with the same matcher the SCA scanner uses.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Show, for every advisory naming a package, how its ranges were evaluated for a version.")
final class ExplainCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Parameters(paramLabel = "ECOSYSTEM:NAME@VERSION",
      description = "e.g. npm:lodash@4.17.15, Maven:org.apache.logging.log4j:log4j-core@2.14.1")
  String coordinate;

  @Option(names = "--advisory", paramLabel = "ID", description = "Only this advisory (id or alias).")
  String advisory;

  @Option(names = "--advisories", paramLabel = "DIR",
      description = "OSV data (default: $BULWARK_ADVISORIES, else the store `bulwark db update` filled).")
  Path advisories;

  ExplainCommand(CliEnvironment env) {
    this.env = env;
  }

  /** Ecosystem up to the first ':', version after the last '@' (npm scopes and Maven names keep theirs). */
  record Coordinate(String ecosystem, String name, String version) {
    static Coordinate parse(String text) {
      int colon = text.indexOf(':');
      int at = text.lastIndexOf('@');
      if (colon <= 0 || at <= colon + 1 || at == text.length() - 1) {
        throw new UserError("expected ECOSYSTEM:NAME@VERSION, got '" + text + "'");
      }
      return new Coordinate(text.substring(0, colon), text.substring(colon + 1, at), text.substring(at + 1));
    }
  }

  @Override
  public Integer call() throws IOException {
    var c = Coordinate.parse(coordinate);
    VersionsCommand.requireEcosystem(c.ecosystem());
    AdvisoryStore store = Advisories.open(env, Optional.ofNullable(advisories));
    try {
      var explanation = Explainer.explain(store, c.ecosystem(), c.name(), c.version(), Optional.ofNullable(advisory));
      env.out().print(explanation.render());
      env.out().flush();
      return Main.PASS;
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** Where the CLI's advisory data comes from. */
  static final class Advisories {
    private Advisories() {}

    /** The store under $BULWARK_HOME/sca, first importing DIR (or $BULWARK_ADVISORIES) when given. */
    static AdvisoryStore open(CliEnvironment env, Optional<Path> source) throws IOException {
      Optional<Path> dir = source.or(() -> Optional.ofNullable(env.env().get("BULWARK_ADVISORIES"))
          .filter(s -> !s.isBlank()).map(Path::of));
      if (dir.isPresent() && !Files.exists(dir.get())) {
        throw new UserError("advisories not found: " + dir.get());
      }
      AdvisoryStore store = AdvisoryStore.open(Files.createDirectories(env.home().resolve("sca")));
      if (dir.isPresent()) {
        store.importFrom(dir.get());
      }
      if (store.isEmpty()) {
        throw new UserError("no advisory data: run `bulwark db update --source DIR` or pass --advisories DIR");
      }
      return store;
    }
  }
}
