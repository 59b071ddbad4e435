package dev.bulwark.sast;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.grpc.DropwizardBootstrap;
import dev.bulwark.common.scanner.ScannerGrpcService;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;

/** Runs scanner-sast as a Dropwizard service: {@code java -jar scanner-sast.jar server config.yml}. */
public class SastApplication extends Application<SastConfiguration> {

  public static void main(String[] args) throws Exception {
    new SastApplication().run(args);
  }

  @Override
  public String getName() {
    return "bulwark-sast";
  }

  @Override
  public void initialize(Bootstrap<SastConfiguration> bootstrap) {
    DropwizardBootstrap.substituteEnvironment(bootstrap);
  }

  @Override
  public void run(SastConfiguration config, Environment environment) {
    var engine = new SastEngine();
    var cache = new DiskBlobStore(Path.of(config.getCacheDir()));
    var scanner = new ScannerGrpcService(engine, cache, config.getContentStore());
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        scanner.close();
      }
    });
    config.getGrpc().build("sast", environment, scanner);
  }
}
