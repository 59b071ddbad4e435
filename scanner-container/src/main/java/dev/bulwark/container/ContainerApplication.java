package dev.bulwark.container;

import dev.bulwark.common.grpc.DropwizardBootstrap;
import dev.bulwark.container.advisory.OsvImageMatcher;
import dev.bulwark.container.image.ImageLimits;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The container scanner as a Dropwizard service: {@code bulwark.v1.Scanner} on gRPC (default port 7073). */
public class ContainerApplication extends Application<ContainerConfiguration> {

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
    Optional<Path> trivy = config.getTrivy().isBlank() ? TrivyLocator.onPath() : Optional.of(Path.of(config.getTrivy()));
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.parse(config.getEngine()), trivy,
        config.getTrivyTimeout().toJavaDuration(), Files.createDirectories(cacheDir.resolve("work")), Clock.systemUTC(),
        config.getLayerCacheMaxSize().toBytes()),
        OsvImageMatcher.overStore(Path.of(config.getAdvisoryDir())), ImageLimits.defaults());
    config.serve(engine, environment);
  }
}
