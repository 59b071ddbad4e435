package dev.bulwark.advisories.version;

/**
 * Alpine's version order, as apk-tools' {@code version.c} tokenises and compares:
 * numbers separated by '.' (a part after '.' with leading zeros compares as a fraction, so
 * "1.01" &lt; "1.1"), one optional letter ("1.2a"), suffixes {@code _alpha _beta _pre _rc}
 * (below the plain release) and {@code _cvs _svn _git _hg _p} (above it), each with an optional
 * number, then {@code -rN} (package revision). Text must start with a digit; beyond that,
 * malformed tails ("1.0bc", "1-ruff") are compared the way apk compares them, token by token
 * up to the first invalid one.
 */
public final class AlpineVersionOrder implements VersionOrder {
  // token types, in apk-tools' order: a later token ending a version sorts lower than an earlier
  private static final int INVALID = -1;
  private static final int DIGIT_OR_ZERO = 0;
  private static final int DIGIT = 1;
  private static final int LETTER = 2;
  private static final int SUFFIX = 3;
  private static final int SUFFIX_NO = 4;
  private static final int REVISION_NO = 5;
  private static final int END = 6;
  private static final String[] PRE_SUFFIXES = {"alpha", "beta", "pre", "rc"};
  private static final String[] POST_SUFFIXES = {"cvs", "svn", "git", "hg", "p"};

  @Override
  public String name() {
    return "Alpine";
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name(), text);
    String s = text.strip();
    if (!Character.isDigit(s.charAt(0)) || s.chars().anyMatch(Character::isWhitespace)) {
      throw VersionOrder.invalid(name(), text, "must start with a digit and contain no white space");
    }
    return new AlpineVersion(text, text.strip());
  }

  record AlpineVersion(String text, String value) implements Version {
    @Override
    public int compareTo(Version o) {
      return apkCompare(value, Version.same(AlpineVersion.class, o).value);
    }
  }

  static int apkCompare(String a, String b) {
    var ta = new Tokenizer(a);
    var tb = new Tokenizer(b);
    long av = 0;
    long bv = 0;
    while (ta.type == tb.type && ta.type != END && ta.type != INVALID && av == bv) {
      av = ta.next();
      bv = tb.next();
    }
    if (av != bv) {
      return av < bv ? -1 : 1;
    }
    if (ta.type == tb.type) {
      return 0;
    }
    // equal so far: the longer one is greater unless what follows is a pre-release suffix
    if (ta.type == SUFFIX && ta.copy().next() < 0) {
      return -1;
    }
    if (tb.type == SUFFIX && tb.copy().next() < 0) {
      return 1;
    }
    return ta.type > tb.type ? -1 : (tb.type > ta.type ? 1 : 0);
  }

  /** apk-tools' tokeniser: {@link #type} is the type of the token {@link #next} reads. */
  private static final class Tokenizer {
    private final String s;
    private int pos;
    int type = DIGIT;

    Tokenizer(String s) {
      this.s = s;
    }

    Tokenizer(String s, int pos, int type) {
      this.s = s;
      this.pos = pos;
      this.type = type;
    }

    Tokenizer copy() {
      return new Tokenizer(s, pos, type);
    }

    private int left() {
      return s.length() - pos;
    }

    /** Reads one token's value and advances {@link #type} to the following token's type. */
    long next() {
      if (left() <= 0) {
        type = END;
        return 0;
      }
      long v = 0;
      int i = 0;
      int nextType = INVALID;
      switch (type) {
        case DIGIT_OR_ZERO, DIGIT, SUFFIX_NO, REVISION_NO -> {
          if (type == DIGIT_OR_ZERO && s.charAt(pos) == '0') {
            // leading zeros after '.': a fraction, so "1.01" < "1.1"
            while (i < left() && s.charAt(pos + i) == '0') {
              i++;
            }
            nextType = DIGIT;
            v = -i;
          } else {
            while (i < left() && isDigit(s.charAt(pos + i))) {
              v = v * 10 + (s.charAt(pos + i++) - '0');
            }
          }
        }
        case LETTER -> v = s.charAt(pos + i++);
        case SUFFIX -> {
          int found = match(PRE_SUFFIXES);
          if (found >= 0) {
            i = PRE_SUFFIXES[found].length();
            v = found - PRE_SUFFIXES.length;
          } else {
            found = match(POST_SUFFIXES);
            if (found < 0) {
              type = INVALID;
              return -1;
            }
            i = POST_SUFFIXES[found].length();
            v = found;
          }
        }
        default -> {
          type = INVALID;
          return -1;
        }
      }
      pos += i;
      if (left() == 0) {
        type = END;
      } else if (nextType != INVALID) {
        type = nextType;
      } else {
        advanceType();
      }
      return v;
    }

    private int match(String[] suffixes) {
      for (int k = 0; k < suffixes.length; k++) {
        if (s.startsWith(suffixes[k], pos)) {
          return k;
        }
      }
      return -1;
    }

    /** apk-tools' {@code next_token}: the type of the token at {@link #pos}. */
    private void advanceType() {
      int n = INVALID;
      char c = s.charAt(pos);
      if ((type == DIGIT || type == DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
        n = LETTER;
      } else if (type == LETTER && isDigit(c)) {
        n = DIGIT;
      } else if (type == SUFFIX && isDigit(c)) {
        n = SUFFIX_NO;
      } else {
        switch (c) {
          case '.' -> n = DIGIT_OR_ZERO;
          case '_' -> n = SUFFIX;
          case '-' -> {
            if (left() > 1 && s.charAt(pos + 1) == 'r') {
              n = REVISION_NO;
              pos++;
            }
          }
          default -> { }
        }
        pos++;
      }
      if (n < type && !((n == DIGIT_OR_ZERO && type == DIGIT)
          || (n == SUFFIX && type == SUFFIX_NO)
          || (n == DIGIT && type == LETTER))) {
        n = INVALID;
      }
      type = n;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
