package dev.bulwark.advisories.version;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Packagist's version order: PHP's {@code version_compare} as Composer uses it. A leading "v"
 * is dropped, '-', '_' and '+' become '.', and a '.' is inserted at every digit/non-digit
 * change; parts compare numerically when both are numbers, otherwise by their special form:
 * anything unknown &lt; dev &lt; alpha = a &lt; beta = b &lt; RC = rc &lt; a number &lt; pl = p
 * (matched by prefix, as PHP does). When one version has more parts, a further number makes
 * it greater and a further special form is weighed against a number.
 */
public final class ComposerVersionOrder implements VersionOrder {
  private static final String NUMBER = "#";

  @Override
  public String name() {
    return "Packagist";
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name(), text);
    String s = text.strip();
    if (s.startsWith("v") || s.startsWith("V")) {
      s = s.substring(1);
    }
    if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
      throw VersionOrder.invalid(name(), text, "empty or contains white space");
    }
    s = s.replaceAll("[-_+]", ".")
        .replaceAll("([^\\d.])(\\d)", "$1.$2")
        .replaceAll("(\\d)([^\\d.])", "$1.$2");
    return new ComposerVersion(text, List.of(s.split("\\.", -1)));
  }

  record ComposerVersion(String text, List<String> parts) implements Version {
    @Override
    public int compareTo(Version o) {
      return compareParts(parts, Version.same(ComposerVersion.class, o).parts);
    }
  }

  private static int compareParts(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean nx = SemverVersionOrder.isNumeric(x);
      boolean ny = SemverVersionOrder.isNumeric(y);
      int c = nx && ny ? new BigInteger(x).compareTo(new BigInteger(y))
          : Integer.compare(weight(nx ? NUMBER : x), weight(ny ? NUMBER : y));
      if (c != 0) {
        return Integer.signum(c);
      }
    }
    if (a.size() > b.size()) {
      return SemverVersionOrder.isNumeric(a.get(b.size())) ? 1
          : compareParts(a.subList(b.size(), a.size()), List.of(NUMBER));
    }
    if (a.size() < b.size()) {
      return SemverVersionOrder.isNumeric(b.get(a.size())) ? -1
          : compareParts(List.of(NUMBER), b.subList(a.size(), b.size()));
    }
    return 0;
  }

  /** PHP's special forms, matched by prefix; anything else weighs least. */
  private static final List<String[]> FORMS = Arrays.asList(
      new String[] {"dev", "0"}, new String[] {"alpha", "1"}, new String[] {"a", "1"},
      new String[] {"beta", "2"}, new String[] {"b", "2"}, new String[] {"RC", "3"},
      new String[] {"rc", "3"}, new String[] {NUMBER, "4"}, new String[] {"pl", "5"},
      new String[] {"p", "5"});

  private static int weight(String part) {
    for (String[] form : FORMS) {
      if (part.startsWith(form[0])) {
        return Integer.parseInt(form[1]);
      }
    }
    return -1;
  }
}
