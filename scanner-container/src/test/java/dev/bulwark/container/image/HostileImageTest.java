package dev.bulwark.container.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives built to escape the root or exhaust the scanner are refused with a clear reason. */
class HostileImageTest {
  @TempDir
  Path tmp;

  private ImageInventory analyze(byte[] layer, ImageLimits limits, boolean gzip) throws Exception {
    var builder = new ImageBuilder().layer(layer);
    if (gzip) {
      builder.gzipped();
    }
    return new ImageAnalyzer(limits).analyze(builder.dockerSave(tmp.resolve("hostile.tar")), "hostile.tar");
  }

  private ImageInventory analyze(byte[] layer) throws Exception {
    return analyze(layer, ImageLimits.defaults(), false);
  }

  @Test
  void dotDotTraversalIsRefused() throws Exception {
    byte[] layer = new TarBuilder().file("etc/ok", "x").raw("usr/../../../etc/cron.d/evil", "* * * * * root sh").build();
    assertThatThrownBy(() -> analyze(layer)).isInstanceOf(HostileImageException.class)
        .hasMessageContaining("escapes the root with '..'").hasMessageContaining("usr/../../../etc/cron.d/evil");
  }

  @Test
  void absoluteEntryNamesAreRefused() throws Exception {
    byte[] layer = new TarBuilder().raw("/etc/passwd", "root::0:0::/:/bin/sh").build();
    assertThatThrownBy(() -> analyze(layer)).isInstanceOf(HostileImageException.class)
        .hasMessageContaining("absolute entry name '/etc/passwd'");
  }

  @Test
  void symlinkPointingAboveTheRootIsRefused() throws Exception {
    byte[] layer = new TarBuilder().dir("var/lib").symlink("var/lib/dpkg", "../../../../../home/user").build();
    assertThatThrownBy(() -> analyze(layer)).isInstanceOf(HostileImageException.class)
        .hasMessageContaining("symlink 'var/lib/dpkg'").hasMessageContaining("points outside the image root");
  }

  @Test
  void absoluteSymlinksStayInsideTheImage() throws Exception {
    byte[] layer = new TarBuilder().file("usr/lib/os-release", "ID=alpine\nVERSION_ID=3.21.0\n")
        .symlink("etc/os-release", "/usr/lib/os-release").build();
    assertThat(analyze(layer).os()).map(OsInfo::id).contains("alpine");
  }

  @Test
  void hardLinkPointingOutsideIsRefused() throws Exception {
    byte[] layer = new TarBuilder().hardlink("etc/shadow-copy", "../../etc/shadow").build();
    assertThatThrownBy(() -> analyze(layer)).isInstanceOf(HostileImageException.class)
        .hasMessageContaining("hard link 'etc/shadow-copy'");
  }

  @Test
  void gzipBombIsStoppedByTheCompressionRatio() throws Exception {
    byte[] layer = new TarBuilder().zeros("var/tmp/zeros", 64L * 1024 * 1024).build();
    var limits = new ImageLimits(Long.MAX_VALUE, 1_000_000, 100, 16, 1 << 20);
    assertThatThrownBy(() -> analyze(layer, limits, true)).isInstanceOf(HostileImageException.class)
        .hasMessageContaining("decompression bomb");
  }

  @Test
  void totalSizeAndEntryCountAreCapped() throws Exception {
    byte[] big = new TarBuilder().zeros("big", 4L * 1024 * 1024).build();
    assertThatThrownBy(() -> analyze(big, new ImageLimits(1024 * 1024, 1000, 1_000_000, 16, 1 << 20), false))
        .isInstanceOf(HostileImageException.class).hasMessageContaining("bytes once decompressed");
    var many = new TarBuilder();
    for (int i = 0; i < 50; i++) {
      many.file("f" + i, "x");
    }
    byte[] manyFiles = many.build();
    assertThatThrownBy(() -> analyze(manyFiles, new ImageLimits(Long.MAX_VALUE, 20, 1_000_000, 16, 1 << 20), false))
        .isInstanceOf(HostileImageException.class).hasMessageContaining("more than 20 entries");
  }
}
