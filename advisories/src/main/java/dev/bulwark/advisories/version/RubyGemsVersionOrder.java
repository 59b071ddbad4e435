package dev.bulwark.advisories.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RubyGems' version order ({@code Gem::Version#<=>}): the version is split into numeric and
 * alphabetic segments ("1.0.0.rc1" → 1, 0, 0, "rc", 1; '-' reads as ".pre."); any letter makes
 * it a pre-release, below the release; trailing zeros of the numeric part and of the part from
 * the first letter on are ignored; segments compare pairwise with missing ones 0, a letter
 * segment below a number, letters case-sensitively.
 */
public final class RubyGemsVersionOrder implements VersionOrder {
  private static final Pattern VALID = Pattern.compile(
      "^\\s*([0-9]+[0-9a-zA-Z]*(?:\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?)?\\s*$");
  private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

  @Override
  public String name() {
    return "RubyGems";
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name(), text);
    if (!VALID.matcher(text).matches()) {
      throw VersionOrder.invalid(name(), text, "not a Gem::Version");
    }
    var segments = new ArrayList<Object>();
    var m = SEGMENT.matcher(text.strip().replace("-", ".pre."));
    while (m.find()) {
      String g = m.group();
      segments.add(Character.isDigit(g.charAt(0)) ? (Object) new BigInteger(g) : g);
    }
    return new GemVersion(text, canonical(segments));
  }

  /** Trailing zeros dropped from the numeric part and from the part from the first letter on. */
  private static List<Object> canonical(List<Object> segments) {
    int firstString = 0;
    while (firstString < segments.size() && !(segments.get(firstString) instanceof String)) {
      firstString++;
    }
    var numeric = new ArrayList<>(segments.subList(0, firstString));
    var rest = new ArrayList<>(segments.subList(firstString, segments.size()));
    dropTrailingZeros(numeric);
    dropTrailingZeros(rest);
    numeric.addAll(rest);
    return List.copyOf(numeric);
  }

  private static void dropTrailingZeros(List<Object> list) {
    while (!list.isEmpty() && BigInteger.ZERO.equals(list.get(list.size() - 1))) {
      list.remove(list.size() - 1);
    }
  }

  record GemVersion(String text, List<Object> segments) implements Version {
    @Override
    public int compareTo(Version o) {
      var other = Version.same(GemVersion.class, o);
      for (int i = 0; i < Math.max(segments.size(), other.segments.size()); i++) {
        Object l = i < segments.size() ? segments.get(i) : BigInteger.ZERO;
        Object r = i < other.segments.size() ? other.segments.get(i) : BigInteger.ZERO;
        if (l.equals(r)) {
          continue;
        }
        if (l instanceof String && r instanceof BigInteger) {
          return -1;
        }
        if (l instanceof BigInteger && r instanceof String) {
          return 1;
        }
        return l instanceof BigInteger bl ? bl.compareTo((BigInteger) r)
            : Integer.signum(((String) l).compareTo((String) r));
      }
      return 0;
    }
  }
}
