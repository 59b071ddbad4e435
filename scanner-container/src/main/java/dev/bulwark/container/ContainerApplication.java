package dev.bulwark.container;

import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.StartupImport;
import dev.bulwark.server.grpc.DropwizardBootstrap;
import dev.bulwark.container.advisory.OsvImageMatcher;
import dev.bulwark.container.image.ImageLimits;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The container scanner as a Dropwizard service: {@code bulwark.v1.Scanner} on gRPC (default port 7073). */
public class ContainerApplication extends Application<ContainerConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerApplication.class);


  public static void main(String[] args) throws Exception {
    new ContainerApplication().run(args);
  }

  @Override
  public String getName() {
    return "bulwark-scanner-container";
  }

  @Override
  public void initialize(Bootstrap<ContainerConfiguration> bootstrap) {
    DropwizardBootstrap.substituteEnvironment(bootstrap);
  }

  @Override
  public void run(ContainerConfiguration config, Environment environment) throws Exception {
    Path cacheDir = Files.createDirectories(Path.of(config.getCacheDir()));
    if (!config.getAdvisories().isBlank()) {
      importAdvisories(Path.of(config.getAdvisories()), Files.createDirectories(Path.of(config.getAdvisoryDir())));
    }
    Optional<Path> trivy = config.getTrivy().isBlank() ? TrivyLocator.onPath() : Optional.of(Path.of(config.getTrivy()));
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.parse(config.getEngine()), trivy,
        config.getTrivyTimeout().toJavaDuration(), Files.createDirectories(cacheDir.resolve("work")), Clock.systemUTC(),
        config.getLayerCacheMaxSize().toBytes()),
        OsvImageMatcher.overStore(Path.of(config.getAdvisoryDir())), ImageLimits.defaults());
    config.serve(engine, environment);
  }

  /** Imports OSV exports into the advisory store (idempotent); a bad source is logged, the service starts. */
  static void importAdvisories(Path source, Path store) throws IOException {
    if (!Files.exists(source)) {
      LOG.warn("advisories: {} does not exist; image packages are matched against what {} already holds", source, store);
      return;
    }
    StartupImport.run(source, AdvisoryStore.open(store));
  }
}
