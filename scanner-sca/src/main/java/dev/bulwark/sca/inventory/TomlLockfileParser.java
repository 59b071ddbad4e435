package dev.bulwark.sca.inventory;

import java.util.List;

/**
 * A lockfile that is a TOML table of {@code [[package]]} entries (Cargo.lock, poetry.lock,
 * uv.lock): decoding, parsing and the "not valid TOML" problem are done once here.
 */
abstract class TomlLockfileParser implements LockfileParser {

  @Override
  public final ParseResult parse(String path, byte[] content, ManifestSource tree) {
    List<TomlPackageTable.Entry> entries;
    try {
      entries = TomlPackageTable.read(Texts.decode(content));
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid TOML: " + Texts.reason(e));
    }
    return read(path, entries, tree);
  }

  /** Reads the packages of a well-formed lockfile. */
  protected abstract ParseResult read(String path, List<TomlPackageTable.Entry> entries, ManifestSource tree);
}
