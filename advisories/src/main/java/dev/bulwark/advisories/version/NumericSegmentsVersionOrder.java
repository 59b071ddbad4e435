package dev.bulwark.advisories.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Versions made of non-negative integers only, compared segment by segment as numbers (leading
 * zeros ignored), a version above every prefix of it ({@code 1.8 < 1.8.0}). CRAN separates
 * segments with '.' or '-' ({@code 0.01.0 = 0.1-0}, R's {@code package_version}); Hackage with
 * '.' (the Haskell Package Versioning Policy: {@code 1.0 < 1.0.0}).
 */
public final class NumericSegmentsVersionOrder implements VersionOrder {
  private final String name;
  private final Pattern valid;
  private final Pattern separator;

  /** @param separators the characters between segments, for a regex character class ('-' last), e.g. ".-" */
  NumericSegmentsVersionOrder(String name, String separators) {
    this.name = name;
    String sep = "[" + separators + "]";
    this.valid = Pattern.compile("[0-9]+(" + sep + "[0-9]+)*");
    this.separator = Pattern.compile(sep);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name, text);
    String t = text.strip();
    if (!valid.matcher(t).matches()) {
      throw VersionOrder.invalid(name, text, "not numbers separated by the ecosystem's separators");
    }
    var segments = new ArrayList<BigInteger>();
    for (String s : separator.split(t)) {
      segments.add(new BigInteger(s));
    }
    return new Segments(text, List.copyOf(segments));
  }

  record Segments(String text, List<BigInteger> segments) implements Version {
    @Override
    public int compareTo(Version o) {
      var other = Version.same(Segments.class, o);
      for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
        int c = segments.get(i).compareTo(other.segments.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(segments.size(), other.segments.size());
    }
  }
}
