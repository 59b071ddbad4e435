package dev.bulwark.dist.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the CLI's logging, set up in code")
class CliLoggingTest {

  @Test
  @DisplayName("without a logback file: warnings and worse to stderr, with the CLI's pattern")
  void configuresStderr() {
    var context = new LoggerContext();
    var status = withClassLoader(new URLClassLoader(new URL[0], null), () -> configure(context));
    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(CliLogging.level(System.getenv("BULWARK_LOG_LEVEL")));
    var appender = (ConsoleAppender<?>) root.getAppender("STDERR");
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(appender.isStarted()).isTrue();
  }

  @Test
  @DisplayName("a logback-test.xml on the classpath (as here) is left to logback's own configurator")
  void defersToAFile() {
    assertThat(configure(new LoggerContext())).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
  }

  @Test
  @DisplayName("BULWARK_LOG_LEVEL names the level in any case; nothing or nonsense is WARN")
  void levels() {
    assertThat(CliLogging.level(null)).isEqualTo(Level.WARN);
    assertThat(CliLogging.level(" ")).isEqualTo(Level.WARN);
    assertThat(CliLogging.level("info")).isEqualTo(Level.INFO);
    assertThat(CliLogging.level("DEBUG")).isEqualTo(Level.DEBUG);
    assertThat(CliLogging.level("loud")).isEqualTo(Level.WARN);
  }

  static ExecutionStatus configure(LoggerContext context) {
    var configurator = new CliLogging();
    configurator.setContext(context);
    return configurator.configure(context);
  }

  static <T> T withClassLoader(ClassLoader loader, java.util.function.Supplier<T> run) {
    var thread = Thread.currentThread();
    var before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return run.get();
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
