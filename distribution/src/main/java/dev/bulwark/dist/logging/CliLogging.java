package dev.bulwark.dist.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Optional;

/**
 * The CLI's logging, set up in code (found by logback through {@code META-INF/services}) instead of
 * parsing a {@code logback.xml} at every start (~50 ms of each command): stdout stays for results,
 * service logs go to stderr, warnings only ({@code BULWARK_LOG_LEVEL=INFO} or {@code DEBUG} for more).
 * A {@code logback-test.xml} or {@code logback.xml} on the classpath, or {@code -Dlogback.configurationFile},
 * still wins: this configurator then hands over to logback's own.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class CliLogging extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null || onClasspath("logback-test.xml")
        || onClasspath("logback.xml")) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    var encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    var stderr = new ConsoleAppender<ILoggingEvent>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(System.getenv("BULWARK_LOG_LEVEL")));
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The level named (any case), WARN when none or an unknown one is given. */
  static Level level(String name) {
    return Optional.ofNullable(name).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> Level.toLevel(s, Level.WARN)).orElse(Level.WARN);
  }

  private static boolean onClasspath(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return (loader != null ? loader : CliLogging.class.getClassLoader()).getResource(resource) != null;
  }
}
