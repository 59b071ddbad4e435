package dev.bulwark.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The build information the Go linker writes into an ELF executable: the {@code .go.buildinfo}
 * section, which starts with the magic {@code "\xff Go buildinf:"} at a 16-byte boundary, then the
 * pointer size and a flags byte. Since Go 1.18 (flag bit 2, "inline strings") two varint-prefixed
 * strings follow the 32-byte header: the Go version and the module information ({@code path},
 * {@code mod}, {@code dep}, {@code =>} replacement lines, wrapped in 16-byte sentinels).
 *
 * <p>The executable is streamed once, without random access (it may be hundreds of megabytes):
 * the magic is looked for at every 16-byte file offset, as Go's own {@code debug/buildinfo} does
 * in the data segment of a binary without section headers. A candidate whose version does not
 * start with "go" (the magic as a string constant elsewhere) is passed over.
 */
public final class GoBuildInfo {
  public static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  private static final int CHUNK = 64 * 1024;
  private static final int HEADER = 32;
  /** Longer build information is refused (the largest real ones are tens of kilobytes). */
  private static final int MAX_STRING = 1024 * 1024;

  /** A module as the build info names it. */
  public record Module(String path, String version) {}

  /**
   * What was read.
   *
   * @param goVersion "go1.21.5"
   * @param path      the main package's import path
   * @param main      the main module, when built in module mode
   * @param deps      the dependency modules, replacements applied
   */
  public record Info(String goVersion, String path, Optional<Module> main, List<Module> deps) {}

  /** Thrown for build information this reader does not understand (the pre-1.18 pointer format). */
  public static final class Unsupported extends Exception {
    Unsupported(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private byte[] buf = new byte[0];
  private int len;
  private boolean eof;

  private GoBuildInfo(InputStream in) {
    this.in = in;
  }

  /** The build info of the ELF executable on the stream; empty when it is not an ELF Go executable. */
  public static Optional<Info> read(InputStream in) throws IOException, Unsupported {
    return new GoBuildInfo(in).scan();
  }

  private Optional<Info> scan() throws IOException, Unsupported {
    if (!ensure(4) || buf[0] != 0x7f || buf[1] != 'E' || buf[2] != 'L' || buf[3] != 'F') {
      return Optional.empty();
    }
    int pos = 0;
    while (true) {
      for (; pos + MAGIC.length <= len; pos += 16) {
        if (buf[pos] == MAGIC[0] && Arrays.equals(buf, pos, pos + MAGIC.length, MAGIC, 0, MAGIC.length)) {
          var info = candidate(pos);
          if (info.isPresent()) {
            return info;
          }
        }
      }
      if (eof) {
        return Optional.empty();
      }
      // keep nothing before pos: every 16-byte slot below it was looked at
      int keep = len - pos;
      System.arraycopy(buf, pos, buf, 0, Math.max(0, keep));
      len = Math.max(0, keep);
      pos = 0;
      if (!ensure(len + CHUNK) && len < MAGIC.length) {
        return Optional.empty();
      }
    }
  }

  private Optional<Info> candidate(int at) throws IOException, Unsupported {
    if (!ensure(at + HEADER + 1)) {
      return Optional.empty();
    }
    int flags = buf[at + 15] & 0xff;
    if ((flags & 2) == 0) {
      int ptrSize = buf[at + 14] & 0xff;
      if (ptrSize == 4 || ptrSize == 8) {
        throw new Unsupported("Go build info in the pre-1.18 pointer format is not read");
      }
      return Optional.empty();
    }
    int[] cursor = {at + HEADER};
    var version = string(cursor);
    if (version.isEmpty() || !version.get().startsWith("go")) {
      return Optional.empty();
    }
    var read = string(cursor);
    if (read.isEmpty()) {
      return Optional.empty(); // cut short: a partial module list would hide dependencies
    }
    String modinfo = read.get();
    // the module information is wrapped in 16-byte sentinels, its last line ending before the closing one
    if (modinfo.length() >= 33 && modinfo.charAt(modinfo.length() - 17) == '\n') {
      modinfo = modinfo.substring(16, modinfo.length() - 16);
    }
    return Optional.of(parse(version.get(), modinfo));
  }

  /** A varint-prefixed string at {@code cursor[0]}, which moves past it. */
  private Optional<String> string(int[] cursor) throws IOException {
    long n = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift > 35 || !ensure(cursor[0] + 1)) {
        return Optional.empty();
      }
      int b = buf[cursor[0]++] & 0xff;
      n |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        break;
      }
    }
    if (n > MAX_STRING || !ensure(cursor[0] + (int) n)) {
      return Optional.empty();
    }
    String s = new String(buf, cursor[0], (int) n, StandardCharsets.UTF_8);
    cursor[0] += (int) n;
    return Optional.of(s);
  }

  public static Info parse(String goVersion, String modinfo) {
    String path = "";
    Module main = null;
    var deps = new ArrayList<Module>();
    for (String line : modinfo.split("\n")) {
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "path" -> path = f.length > 1 ? f[1] : "";
        case "mod" -> main = f.length > 2 ? new Module(f[1], f[2]) : null;
        case "dep" -> {
          if (f.length > 2) {
            deps.add(new Module(f[1], f[2]));
          }
        }
        case "=>" -> {
          // replaces the module of the line before; a local directory has no version
          if (f.length > 2 && !deps.isEmpty()) {
            deps.set(deps.size() - 1, new Module(f[1], f[2]));
          }
        }
        default -> { }
      }
    }
    return new Info(goVersion, path, Optional.ofNullable(main), deps);
  }

  /** Reads until the buffer holds {@code n} bytes; false at the end of the stream before that. */
  private boolean ensure(int n) throws IOException {
    if (len < n && !eof) {
      if (buf.length < n) {
        buf = Arrays.copyOf(buf, Math.max(n, CHUNK + 64));
      }
      int got = in.readNBytes(buf, len, n - len);
      eof = got < n - len;
      len += got;
    }
    return len >= n;
  }
}
