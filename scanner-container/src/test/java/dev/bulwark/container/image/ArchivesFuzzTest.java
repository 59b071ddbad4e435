package dev.bulwark.container.image;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploaded image tarballs ({@code docker save} / OCI). Hostile input may only be refused
 * ({@link HostileImageException}, an {@link IOException}), never crash the scanner. The zips
 * inside them (jars, wars, wheels) are fuzzed by artifacts' {@code ZipWalkFuzzTest}.
 */
class ArchivesFuzzTest {
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
