package dev.bulwark.container.image;

import dev.bulwark.v1.Finding;
import java.util.List;

/**
 * Matches an image's packages against advisories (to be provided by the SCA module's advisory
 * database). The container engine calls it for each inventoried image.
 */
@FunctionalInterface
public interface ImagePackageMatcher {
  ImagePackageMatcher NONE = inventory -> List.of();

  List<Finding> match(ImageInventory inventory);
}
