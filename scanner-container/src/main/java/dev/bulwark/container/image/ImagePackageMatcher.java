package dev.bulwark.container.image;

import dev.bulwark.v1.Finding;
import java.util.List;

/**
 * Matches an image's packages against advisories. The container engine calls it for each
 * inventoried image; {@code dev.bulwark.container.advisory.OsvImageMatcher} does it with the SCA
 * module's advisory store.
 */
@FunctionalInterface
public interface ImagePackageMatcher {
  /** Why an image's packages could not be matched when there is no advisory data. */
  String MISSING_DATABASE = "advisory database missing for image packages";

  /** No advisory data: packages are inventoried, and an image that has some says so. */
  ImagePackageMatcher NONE = inventory -> new Matches(List.of(),
      inventory.packages().isEmpty() ? List.of() : List.of(MISSING_DATABASE));

  /**
   * What matching one image gave.
   *
   * @param findings one per package and vulnerability
   * @param problems what could not be matched (e.g. a version that cannot be compared); they make
   *                 the scan DEGRADED
   */
  record Matches(List<Finding> findings, List<String> problems) {
    public static Matches of(List<Finding> findings) {
      return new Matches(findings, List.of());
    }
  }

  Matches match(ImageInventory inventory);
}
