package dev.bulwark.artifacts;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Zips from uploaded trees and images (jars, wars, wheels, nested at any depth): hostile input
 * may only end as a problem reported by the walk, never crash the scanner that walks it.
 */
class ZipWalkFuzzTest {
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
}
