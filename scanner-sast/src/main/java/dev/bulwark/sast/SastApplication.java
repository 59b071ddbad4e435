package dev.bulwark.sast;

import dev.bulwark.server.grpc.DropwizardBootstrap;
import dev.bulwark.sast.secrets.verify.SecretVerification;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;

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
    var verification = new SecretVerification(config.getSecretVerification().settings(), Clock.systemUTC());
    config.serve(new SastEngine(Analyzers.builtIn(), SastEngine.DEFAULT_MAX_FILE_BYTES, verification), environment);
  }
}
