package dev.bulwark.container.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bulwark.container.TestResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rpm's SQLite database read from images: a database made by rpm 4.18 ({@code rpm --initdb},
 * {@code rpm -i --justdb} of two packages built by rpmbuild from {@code src/test/resources/rpm/*.spec}),
 * and, where rpm is installed, one made during the test and compared with {@code rpm -qa}.
 */
class RpmSqliteDatabaseTest {
  @TempDir
  Path tmp;
  private final ImageAnalyzer analyzer = new ImageAnalyzer(ImageLimits.defaults());

  private ImageInventory scan(String osRelease, byte[] rpmdb) throws Exception {
    byte[] layer = new TarBuilder().file("etc/os-release", osRelease).file("var/lib/rpm/rpmdb.sqlite", rpmdb).build();
    return analyzer.analyze(new ImageBuilder().layer(layer).gzipped().oci(tmp.resolve("rpm.tar")), "alma:9");
  }

  @Test
  void rpm418SqliteDatabaseGivesNameEpochVersionReleaseInTheDistributionsEcosystem() throws Exception {
    byte[] db = Files.readAllBytes(TestResources.path("rpm/rpmdb.sqlite"));
    var inventory = scan("ID=\"almalinux\"\nVERSION_ID=\"9.3\"\n", db);
    assertThat(inventory.notes()).isEmpty();
    assertThat(inventory.packages())
        .extracting(InventoryPackage::ecosystem, InventoryPackage::release, InventoryPackage::name,
            InventoryPackage::version, InventoryPackage::path)
        .containsExactlyInAnyOrder(
            tuple("AlmaLinux", "9", "bulwark-hello", "2:1.2.3-4.el9", "var/lib/rpm/rpmdb.sqlite"),
            tuple("AlmaLinux", "9", "openssl-libs", "3.0.7-24.el9", "var/lib/rpm/rpmdb.sqlite"));
  }

  @Test
  void anUnreadableSqliteDatabaseIsAProblemNotAnEmptyInventory() throws Exception {
    var inventory = scan("ID=rocky\nVERSION_ID=\"9.2\"\n", "SQLite format 3\0 but then garbage".getBytes());
    assertThat(inventory.packages()).isEmpty();
    assertThat(inventory.notes()).singleElement().asString()
        .startsWith("var/lib/rpm/rpmdb.sqlite: rpm database format sqlite could not be read");
  }

  @Test
  void malformedHeadersAreSkipped() {
    assertThat(RpmHeader.parse(new byte[0])).isEmpty();
    assertThat(RpmHeader.parse(new byte[] {0, 0, 0, 1, 0, 0, 0, 0})).isEmpty(); // one index entry, no room for it
    assertThat(RpmHeader.parse(new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0})).isEmpty();
    byte[] outOfBounds = java.nio.ByteBuffer.allocate(8 + 16 + 4).putInt(1).putInt(4)
        .putInt(RpmHeader.NAME).putInt(6).putInt(1000).putInt(1).putInt(0x41414141).array();
    assertThat(RpmHeader.parse(outOfBounds).orElseThrow().string(RpmHeader.NAME)).isEmpty();
  }

  @Test
  void aDatabaseMadeByTheInstalledRpmListsWhatRpmQaLists() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/rpm")) || !Files.isExecutable(Path.of("/usr/bin/rpmbuild"))) {
      String why = "rpm and rpmbuild are not installed (run-tests installs Debian's rpm package when run as root)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    Path top = tmp.resolve("top");
    Path db = Files.createDirectories(tmp.resolve("db"));
    var rpms = new ArrayList<String>();
    for (String spec : List.of("rpm/bulwark-hello.spec", "rpm/openssl-libs.spec")) {
      run("rpmbuild", "-bb", "--define", "_topdir " + top, TestResources.path(spec).toString());
    }
    try (var found = Files.walk(top.resolve("RPMS"))) {
      found.filter(p -> p.toString().endsWith(".rpm")).forEach(p -> rpms.add(p.toString()));
    }
    run("rpm", "--initdb", "--dbpath", db.toString());
    var install = new ArrayList<>(List.of("rpm", "-i", "--justdb", "--nodeps", "--noscripts", "--dbpath", db.toString()));
    install.addAll(rpms);
    run(install.toArray(String[]::new));
    String qa = run("rpm", "-qa", "--dbpath", db.toString(), "--qf", "%{NAME} %{EPOCH}:%{VERSION}-%{RELEASE}\\n");
    var expected = qa.lines().map(l -> l.replace("(none):", "")).toList();

    var inventory = scan("ID=\"almalinux\"\nVERSION_ID=\"9.3\"\n", Files.readAllBytes(db.resolve("rpmdb.sqlite")));

    assertThat(inventory.packages()).extracting(p -> p.name() + " " + p.version())
        .containsExactlyInAnyOrderElementsOf(expected).hasSize(2);
  }

  private static String run(String... command) throws Exception {
    var p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), text).isZero();
    // Debian's rpm warns that rpm should not install packages on Debian; keep only the query's lines
    return text.lines().filter(l -> !l.startsWith("rpm: ")).reduce("", (a, b) -> a + b + "\n");
  }
}
