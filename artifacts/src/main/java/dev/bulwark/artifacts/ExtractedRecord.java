package dev.bulwark.artifacts;

import dev.bulwark.v1.Confidence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The short text an {@link EmbeddedPackageDatabase} keeps of a file it read: a header naming the
 * database and its version, then one line per package ({@code P name version confidence location})
 * and one per problem ({@code E message}), tab-separated. Shared by every embedded database so
 * that all are cached and parsed the same way.
 */
public final class ExtractedRecord {
  private static final String HEADER = "bulwark-extracted\t";

  private ExtractedRecord() {}

  public static byte[] encode(String database, String version, List<PackageDatabase.Entry> entries, List<String> problems) {
    var out = new StringBuilder(HEADER).append(database).append('\t').append(version).append('\n');
    for (var e : entries) {
      out.append("P\t").append(clean(e.name())).append('\t').append(clean(e.version())).append('\t')
          .append(e.confidence().name()).append('\t').append(clean(e.location())).append('\n');
    }
    problems.forEach(p -> out.append("E\t").append(clean(p)).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static boolean isFor(String database, String version, byte[] content) {
    byte[] header = (HEADER + database + '\t' + version + '\n').getBytes(StandardCharsets.UTF_8);
    if (content.length < header.length) {
      return false;
    }
    for (int i = 0; i < header.length; i++) {
      if (content[i] != header[i]) {
        return false;
      }
    }
    return true;
  }

  public static List<PackageDatabase.Entry> entries(byte[] content) {
    var out = new ArrayList<PackageDatabase.Entry>();
    for (String[] f : lines(content, "P")) {
      if (f.length == 5) {
        out.add(new PackageDatabase.Entry(f[1], f[1], f[2], f[2], confidence(f[3]), f[4]));
      }
    }
    return out;
  }

  public static List<String> problems(byte[] content) {
    return lines(content, "E").stream().filter(f -> f.length == 2).map(f -> f[1]).toList();
  }

  private static List<String[]> lines(byte[] content, String kind) {
    var out = new ArrayList<String[]>();
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t", -1);
      if (f[0].equals(kind)) {
        out.add(f);
      }
    }
    return out;
  }

  private static Confidence confidence(String s) {
    try {
      return Confidence.valueOf(s);
    } catch (IllegalArgumentException e) {
      return Confidence.CONFIDENCE_LOW;
    }
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
