package dev.bulwark.container.eol;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which releases of base images and Linux distributions no longer get security fixes, from the
 * data file {@code eol/end-of-life.yml}. Shared by the Dockerfile base-image check and the image
 * OS detector.
 */
public final class EndOfLifeTable {
  private static final Pattern VERSION = Pattern.compile("^v?(\\d+(?:\\.\\d+)*)");

  /** One row of the data file. */
  public record Release(String product, String version, String below, String codename, LocalDate eol) {
    String label() {
      return product + " " + (version != null ? version : "< " + below)
          + (codename != null ? " (" + codename + ")" : "");
    }
  }

  /** A match: the release that is past its end of life. */
  public record EndOfLife(Release release, String description) {}

  private final List<Release> releases;
  private final Clock clock;

  public EndOfLifeTable(List<Release> releases, Clock clock) {
    this.releases = List.copyOf(releases);
    this.clock = clock;
  }

  /** The bundled table, judged against the given clock. */
  public static EndOfLifeTable bundled(Clock clock) {
    var yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
    try (var in = EndOfLifeTable.class.getResourceAsStream("/eol/end-of-life.yml")) {
      return new EndOfLifeTable(yaml.readValue(in, new TypeReference<List<Release>>() {}), clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read eol/end-of-life.yml", e);
    }
  }

  /**
   * The releases past their end of life today, one a line: all that changes in the table's
   * answers from one day to the next (the rows themselves come with the build).
   */
  public String pastEndOfLife() {
    LocalDate today = LocalDate.now(clock);
    var past = new StringBuilder();
    for (Release r : releases) {
      if (!r.eol().isAfter(today)) {
        past.append(r.label()).append(' ').append(r.eol()).append('\n');
      }
    }
    return past.toString();
  }

  public int size() {
    return releases.size();
  }

  /**
   * Looks up a product and a version or image tag ("14", "14-alpine", "3.8.10-slim-buster",
   * "stretch"). Empty when the release is supported or unknown.
   */
  public Optional<EndOfLife> lookup(String product, String versionOrTag) {
    String p = product.toLowerCase(Locale.ROOT);
    String tag = versionOrTag == null ? "" : versionOrTag.toLowerCase(Locale.ROOT);
    LocalDate today = LocalDate.now(clock);
    var m = VERSION.matcher(tag);
    String version = m.find() ? m.group(1) : null;
    for (Release r : releases) {
      if (!r.eol().isBefore(today) && !r.eol().isEqual(today)) {
        continue;
      }
      String c = r.codename();
      boolean codenameHit = c != null && (tag.equals(c) || tag.endsWith("-" + c) || tag.startsWith(c + "-")
          || tag.contains("-" + c + "-"));
      boolean sameProduct = r.product().equals(p);
      boolean versionHit = sameProduct && version != null && (r.version() != null
          ? sameLine(version, r.version()) : compare(version, r.below()) < 0);
      if (versionHit || codenameHit) {
        return Optional.of(new EndOfLife(r, r.label() + " reached end of life on " + r.eol()
            + " and no longer receives security updates"));
      }
    }
    return Optional.empty();
  }

  /** "14.21.3" is on release line "14"; "3.8.10" on "3.8"; "3.80" is not on "3.8". */
  static boolean sameLine(String version, String line) {
    return version.equals(line) || version.startsWith(line + ".");
  }

  /** Compares dotted numeric versions on the first components the shorter one has. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
