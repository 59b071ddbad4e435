package dev.bulwark.container.image;

import java.util.List;
import java.util.Optional;

/**
 * What an image contains, as the native image analyzer read it.
 *
 * @param imageName the image's display name (the manifest's Image.name)
 * @param format    "docker-archive" or "oci"
 * @param layers    layer identities, bottom first
 * @param os        the distribution, when detected
 * @param packages  OS and language packages, each with the layer that installed it
 * @param notes     what could not be inventoried (e.g. "rpm database found: not supported")
 */
public record ImageInventory(String imageName, String format, List<String> layers, Optional<OsInfo> os,
    List<InventoryPackage> packages, List<String> notes) {}
