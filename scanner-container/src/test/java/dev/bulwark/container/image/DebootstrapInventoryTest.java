package dev.bulwark.container.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Debian root file system, made by {@code debootstrap --variant=minbase}, packed as a
 * {@code docker save} image with the system's tar: the dpkg inventory must equal what
 * {@code dpkg-query -W} says about the same root.
 *
 * <p>Slow and needs root and a Debian mirror, so it only runs when asked:
 * {@code -Dbulwark.debootstrap.rootfs=<dir>} uses a root file system built beforehand (e.g.
 * {@code debootstrap --variant=minbase bookworm <dir>}); {@code -Dbulwark.debootstrap=run} builds one.
 */
class DebootstrapInventoryTest {
  @TempDir
  Path tmp;

  @Test
  void dpkgInventoryOfARealDebianRootEqualsDpkgQuery() throws Exception {
    Path rootfs = rootfs();
    Path layer = tmp.resolve("image/layer0/layer.tar");
    Files.createDirectories(layer.getParent());
    run(List.of("tar", "--numeric-owner", "-C", rootfs.toString(), "-cf", layer.toString(), "."));
    var json = new ObjectMapper();
    Files.write(tmp.resolve("image/config.json"), json.writeValueAsBytes(Map.of("rootfs",
        Map.of("type", "layers", "diff_ids", List.of("sha256:" + "0".repeat(64))))));
    Files.write(tmp.resolve("image/manifest.json"), json.writeValueAsBytes(List.of(Map.of(
        "Config", "config.json", "Layers", List.of("layer0/layer.tar")))));
    Path image = tmp.resolve("debian.tar");
    run(List.of("tar", "-C", tmp.resolve("image").toString(), "-cf", image.toString(), "."));

    var inventory = new ImageAnalyzer(ImageLimits.defaults()).analyze(image, "debian.tar");

    String query = run(List.of("dpkg-query", "--admindir=" + rootfs.resolve("var/lib/dpkg"), "-W",
        "-f", "${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${source:Package}\\n"));
    var expected = new TreeSet<String>();
    var expectedSources = new TreeSet<String>();
    for (String line : query.split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 4 && f[0].startsWith("ii")) {
        expected.add(f[1] + "=" + f[2]);
        expectedSources.add(f[1] + "<-" + f[3]);
      }
    }
    var actual = new TreeSet<String>();
    var actualSources = new TreeSet<String>();
    inventory.packages().forEach(p -> {
      actual.add(p.name() + "=" + p.version());
      actualSources.add(p.name() + "<-" + p.sourceName());
    });
    assertThat(expected).hasSizeGreaterThan(50);
    assertThat(actual).isEqualTo(expected);
    assertThat(actualSources).isEqualTo(expectedSources);
    assertThat(inventory.os()).hasValueSatisfying(os -> assertThat(os.id()).isEqualTo("debian"));
    assertThat(inventory.packages()).allSatisfy(p -> {
      assertThat(p.ecosystem()).isEqualTo("Debian");
      assertThat(p.layer()).isEqualTo("sha256:" + "0".repeat(64));
    });
  }

  private Path rootfs() throws Exception {
    String given = System.getProperty("bulwark.debootstrap.rootfs", "");
    if (!given.isBlank()) {
      Path p = Path.of(given);
      assumeTrue(Files.isRegularFile(p.resolve("var/lib/dpkg/status")), "no Debian root file system at " + p);
      return p;
    }
    assumeTrue("run".equals(System.getProperty("bulwark.debootstrap")),
        "debootstrap test skipped: set -Dbulwark.debootstrap=run (needs root and a Debian mirror) or "
            + "-Dbulwark.debootstrap.rootfs=<dir>");
    Path root = tmp.resolve("rootfs");
    run(List.of("debootstrap", "--variant=minbase", "bookworm", root.toString(), "http://deb.debian.org/debian"));
    return root;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    var p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assumeTrue(p.waitFor(30, TimeUnit.MINUTES), "timed out: " + command);
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(command.get(0) + " exited with " + p.exitValue() + ": " + text);
    }
    return text;
  }
}
