package dev.bulwark.container.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds tar archives in memory with commons-compress, for image tests. */
public final class TarBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  public TarBuilder() {
    tar = new TarArchiveOutputStream(bytes);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  public TarBuilder dir(String name) throws IOException {
    var e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarArchiveEntry.LF_DIR);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
    return this;
  }

  public TarBuilder file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public TarBuilder file(String name, byte[] content) throws IOException {
    return file(name, content, 0644);
  }

  /** A regular file with mode 0755, as an installed program. */
  public TarBuilder executable(String name, byte[] content) throws IOException {
    return file(name, content, 0755);
  }

  public TarBuilder file(String name, byte[] content, int mode) throws IOException {
    var e = new TarArchiveEntry(name, true);
    e.setSize(content.length);
    e.setMode(mode);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
    return this;
  }

  /** A file of {@code size} zero bytes, written in chunks (for bombs). */
  public TarBuilder zeros(String name, long size) throws IOException {
    var e = new TarArchiveEntry(name, true);
    e.setSize(size);
    tar.putArchiveEntry(e);
    byte[] chunk = new byte[1 << 20];
    for (long left = size; left > 0; left -= chunk.length) {
      tar.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
    tar.closeArchiveEntry();
    return this;
  }

  public TarBuilder symlink(String name, String target) throws IOException {
    var e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
    e.setLinkName(target);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
    return this;
  }

  public TarBuilder hardlink(String name, String target) throws IOException {
    var e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK, true);
    e.setLinkName(target);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
    return this;
  }

  /** An entry whose name is used as given (absolute or with ".."), as a hostile archive would. */
  public TarBuilder raw(String name, String content) throws IOException {
    var e = new TarArchiveEntry(name, true);
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    e.setSize(b.length);
    tar.putArchiveEntry(e);
    tar.write(b);
    tar.closeArchiveEntry();
    return this;
  }

  public byte[] build() throws IOException {
    tar.finish();
    tar.close();
    return bytes.toByteArray();
  }

  public static byte[] gzip(byte[] data) throws IOException {
    var out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
