package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A lockfile, manifest or SBOM that is one JSON document (package-lock.json, Pipfile.lock,
 * composer.lock, NuGet's and Conan's lock files, package.json, composer.json, SPDX JSON):
 * decoding, parsing and the "not valid JSON" problem are done once here.
 */
abstract class JsonLockfileParser implements LockfileParser {

  @Override
  public final ParseResult parse(String path, byte[] content, ManifestSource tree) {
    String text = Texts.decode(content);
    JsonNode root;
    try {
      root = Texts.json(text);
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid JSON: " + Texts.reason(e));
    }
    return read(path, root, new LineLocator(text), tree);
  }

  /** Reads the packages of a well-formed document; {@code lines} finds declarations in its text. */
  protected abstract ParseResult read(String path, JsonNode root, LineLocator lines, ManifestSource tree);
}
