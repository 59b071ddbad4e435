package dev.bulwark.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Built Python distributions: wheels ({@code .whl}: {@code <name>.dist-info/METADATA}) and eggs
 * ({@code .egg}: {@code EGG-INFO/PKG-INFO}), zip archives read with the bounded {@link ZipWalk};
 * the metadata headers are read by {@link LanguagePackageDatabases.PythonPackages}, the same
 * reader as a {@code site-packages} folder's.
 */
public final class PythonArchives implements EmbeddedPackageDatabase {
  private static final Pattern METADATA = Pattern.compile("[^/]+\\.dist-info/METADATA|EGG-INFO/PKG-INFO");
  private static final int MAX_METADATA_BYTES = 256 * 1024;
  private final ZipWalk.Limits limits;
  private final LanguagePackageDatabases.PythonPackages headers = new LanguagePackageDatabases.PythonPackages();

  public PythonArchives() {
    this(ZipWalk.Limits.defaults());
  }

  public PythonArchives(ZipWalk.Limits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "python-archives";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Optional<String> ecosystem() {
    return Optional.of("PyPI");
  }

  @Override
  public boolean examines(String path, long size, int mode) {
    String p = path.toLowerCase(Locale.ROOT);
    return size > 0 && (p.endsWith(".whl") || p.endsWith(".egg"));
  }

  @Override
  public Optional<byte[]> extract(String path, InputStream raw, long size) throws IOException {
    var content = new PushbackInputStream(raw, 4);
    byte[] magic = content.readNBytes(4);
    content.unread(magic);
    if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K') {
      return Optional.empty();
    }
    var found = new ArrayList<Entry>();
    var problems = new ZipWalk(limits).walk(content, size, new ZipWalk.Visitor() {
      @Override
      public boolean wants(String entry) {
        return METADATA.matcher(entry).matches();
      }

      @Override
      public void entry(String archive, String entry, InputStream in) throws IOException {
        found.addAll(headers.parse(entry, in.readNBytes(MAX_METADATA_BYTES)));
      }

      @Override
      public boolean nested(String entry) {
        return false;
      }
    });
    if (found.isEmpty() && problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ExtractedRecord.encode(name(), version(), List.copyOf(found), problems));
  }
}
