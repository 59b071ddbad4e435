package dev.bulwark.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BULWARK_TRACE: where a short command's milliseconds go")
class StartupTraceTest {
  @Test
  @DisplayName("a mark prints the milliseconds since the process started and since the previous mark")
  void marks() throws Exception {
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    StartupTrace.print(out, "first");
    Thread.sleep(30);
    StartupTrace.print(out, "second");
    var lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("trace: +\\d+ ms \\(\\+ *\\d+\\) first");
    assertThat(lines.get(1)).matches("trace: +\\d+ ms \\(\\+ *\\d+\\) second");
    long sinceStart = Long.parseLong(lines.get(1).replaceAll("trace: +(\\d+) ms.*", "$1"));
    long sincePrevious = Long.parseLong(lines.get(1).replaceAll(".*\\(\\+ *(\\d+)\\).*", "$1"));
    assertThat(sincePrevious).isBetween(30L, 10_000L);
    assertThat(sinceStart).as("the JVM started before this test").isGreaterThanOrEqualTo(sincePrevious);
  }

  @Test
  @DisplayName("off unless BULWARK_TRACE is set (the tests run without it)")
  void offByDefault() {
    String env = System.getenv("BULWARK_TRACE");
    assertThat(StartupTrace.on()).isEqualTo(env != null && !env.isBlank() && !env.equals("0"));
  }
}
