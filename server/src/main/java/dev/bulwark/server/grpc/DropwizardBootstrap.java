package dev.bulwark.server.grpc;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;

/** What every Bulwark service does to its Dropwizard bootstrap. */
public final class DropwizardBootstrap {
  private DropwizardBootstrap() {}

  /** {@code ${VAR}}, {@code ${VAR:-default}} and nested {@code ${A:-${B}}} in the YAML come from the environment. */
  public static void substituteEnvironment(Bootstrap<? extends Configuration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
        bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false, true)));
  }
}
