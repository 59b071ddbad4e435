package dev.bulwark.advisories.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rpm's order against the real {@code rpm} (Debian's package, installed by run-tests). */
class RpmVersionOrderTest {
  private static final RpmVersionOrder ORDER = new RpmVersionOrder();

  @Test
  @DisplayName("the rpm-based OSV ecosystems share rpm's order")
  void rpmEcosystems() {
    for (String eco : List.of("Red Hat", "AlmaLinux:9", "Rocky Linux", "openSUSE", "SUSE", "Mageia:9")) {
      assertThat(VersionOrders.forEcosystem(eco).name()).as(eco).isEqualTo("Red Hat");
    }
    assertThat(VersionOrders.canonicalName("almalinux:8")).isEqualTo("AlmaLinux");
  }

  @Test
  @DisplayName("an empty epoch or version, or white space, is refused")
  void malformed() {
    for (String bad : List.of("", ":1.0", "-1", "1.0 2")) {
      assertThat(ORDER.isValid(bad)).as(bad).isFalse();
    }
  }

  @Test
  @DisplayName("3,000 random pairs compare exactly as rpm 4's rpm.vercmp compares them")
  void agreesWithRealRpm(@TempDir Path tmp) throws Exception {
    boolean required = "true".equals(System.getenv("CI"));
    boolean installed = Files.isExecutable(Path.of("/usr/bin/rpm"));
    assumeTrue(required || installed, "rpm is not installed (run-tests installs it as root)");
    var random = new Random(42);
    var pairs = new ArrayList<String[]>();
    for (int i = 0; i < 3000; i++) {
      pairs.add(new String[] {randomEvr(random), randomEvr(random)});
    }
    Path input = tmp.resolve("pairs.txt");
    var text = new StringBuilder();
    pairs.forEach(p -> text.append(p[0]).append(' ').append(p[1]).append('\n'));
    Files.writeString(input, text);
    String lua = "%{lua: for line in io.lines('" + input + "') do local a, b = line:match('^(%S+) (%S+)$');"
        + " print(rpm.vercmp(a, b) .. '\\n') end}";
    var process = new ProcessBuilder("rpm", "--eval", lua).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> verdicts = out.lines().filter(l -> l.matches("-?\\d+")).toList();
    assertThat(verdicts).as(out.length() > 500 ? out.substring(0, 500) : out).hasSize(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      String a = pairs.get(i)[0];
      String b = pairs.get(i)[1];
      assertThat(ORDER.compare(a, b)).as("%s vs %s", a, b).isEqualTo(Integer.signum(Integer.parseInt(verdicts.get(i))));
    }
  }

  /** Versions built from the pieces that make rpm's order interesting. */
  private static String randomEvr(Random r) {
    String[] pieces = {"0", "1", "2", "10", "01", "007", "a", "b", "rc", "git", "el9", "fc39", "p", "~", "^", ".", "_", "+"};
    var s = new StringBuilder();
    if (r.nextInt(5) == 0) {
      s.append(r.nextInt(3)).append(':');
    }
    s.append(r.nextInt(4));
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      s.append(pieces[r.nextInt(pieces.length)]);
    }
    if (r.nextInt(3) > 0) {
      s.append('-').append(r.nextInt(12));
      if (r.nextBoolean()) {
        s.append('.').append(pieces[r.nextInt(11)]);
      }
    }
    return s.toString();
  }
}
