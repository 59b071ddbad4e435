package dev.bulwark.container.image;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploaded archives: image tarballs ({@code docker save} / OCI) and the zips inside them (jars,
 * wars, wheels). Hostile input may only be refused ({@link HostileImageException}, an
 * {@link IOException}, a problem reported by the zip walk), never crash the scanner.
 */
class ArchivesFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void zip(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    new ZipWalk(ZipWalk.Limits.defaults()).walk(new ByteArrayInputStream(bytes), bytes.length, new ZipWalk.Visitor() {
      @Override
      public boolean wants(String entry) {
        return true;
      }

      @Override
      public void entry(String archive, String entry, InputStream in) throws IOException {
        in.readAllBytes();
      }

      @Override
      public boolean nested(String entry) {
        return entry.endsWith(".jar") || entry.endsWith(".war");
      }
    });
  }

  @FuzzTest(maxDuration = "60s")
  void imageTarball(FuzzedDataProvider data) throws IOException {
    Path archive = Files.createTempFile("fuzz-image", ".tar");
    try {
      Files.write(archive, data.consumeRemainingAsBytes());
      new ImageReader(ImageLimits.defaults(), path -> true).read(archive, (layer, captured, fs) -> { });
    } catch (HostileImageException | IOException refused) {
      // refused with a reason: fine
    } finally {
      Files.deleteIfExists(archive);
    }
  }
}
