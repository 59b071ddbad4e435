package dev.bulwark.advisories.advisory;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the hand-written OSV records under src/test/resources/advisory. */
public final class TestData {
  private TestData() {}

  public static Path resource(String name) {
    try {
      return Path.of(TestData.class.getResource("/advisory/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
