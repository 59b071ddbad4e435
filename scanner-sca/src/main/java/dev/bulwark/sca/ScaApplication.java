package dev.bulwark.sca;

import dev.bulwark.sca.inventory.GradleBuilds;
import dev.bulwark.sca.inventory.MavenBuilds;
import dev.bulwark.sca.maven.MavenResolver;
import dev.bulwark.sca.maven.MavenSettings;
import dev.bulwark.server.grpc.DropwizardBootstrap;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** scanner-sca as a Dropwizard service: {@code java -jar scanner-sca.jar server config.yml}. */
public class ScaApplication extends Application<ScaConfiguration> {

  public static void main(String[] args) throws Exception {
    new ScaApplication().run(args);
  }

  @Override
  public String getName() {
    return "bulwark-sca";
  }

  @Override
  public void initialize(Bootstrap<ScaConfiguration> bootstrap) {
    DropwizardBootstrap.substituteEnvironment(bootstrap);
  }

  @Override
  public void run(ScaConfiguration config, Environment environment) throws Exception {
    Optional<Path> advisories = Optional.of(config.getAdvisories()).filter(s -> !s.isBlank()).map(Path::of);
    Path dataDir = Files.createDirectories(Path.of(config.getDataDir()));
    var maven = new MavenResolver(MavenSettings.fromEnvironment(MavenSettings.processEnvironment(),
        Path.of(config.getCacheDir()).resolve("maven"), config.isMavenOffline()));
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        maven.close();
      }
    });
    ScaEngine engine = ScaEngine.create(advisories, dataDir, PackageSource.inventory(List.of(new MavenBuilds(maven), new GradleBuilds(maven))));
    config.serve(engine, environment);
  }
}
