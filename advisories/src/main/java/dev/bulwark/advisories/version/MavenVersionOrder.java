package dev.bulwark.advisories.version;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maven's version order, as {@code org.apache.maven.artifact.versioning.ComparableVersion}
 * (Maven 3.9) defines it: numbers and qualifiers split at '.', '-' and digit/letter transitions,
 * '-' opening a nested list; qualifiers alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot
 * &lt; "" = ga = final = release &lt; sp, unknown qualifiers after those, lexically; trailing
 * zeros and empty qualifiers are dropped. Every string is a valid Maven version.
 */
public final class MavenVersionOrder implements VersionOrder {
  private static final List<String> QUALIFIERS =
      List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
  private static final Map<String, String> ALIASES =
      Map.of("ga", "", "final", "", "release", "", "cr", "rc");
  private static final String RELEASE_INDEX = String.valueOf(QUALIFIERS.indexOf(""));

  @Override
  public String name() {
    return "Maven";
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name(), text);
    return new MavenVersion(text, parseItems(text.toLowerCase(Locale.ENGLISH)));
  }

  record MavenVersion(String text, ListItem items) implements Version {
    @Override
    public int compareTo(Version o) {
      return items.compareTo(Version.same(MavenVersion.class, o).items);
    }
  }

  private sealed interface Item permits IntItem, StringItem, ListItem {
    /** Compares with another item, or with "nothing" when {@code other} is null (padding). */
    int compareTo(Item other);

    boolean isNull();
  }

  private record IntItem(BigInteger value) implements Item {
    static final IntItem ZERO = new IntItem(BigInteger.ZERO);

    @Override
    public int compareTo(Item other) {
      if (other == null) {
        return value.signum() == 0 ? 0 : 1;
      }
      return other instanceof IntItem i ? value.compareTo(i.value) : 1;
    }

    @Override
    public boolean isNull() {
      return value.signum() == 0;
    }
  }

  private record StringItem(String value) implements Item {
    static StringItem of(String value, boolean followedByDigit) {
      if (followedByDigit && value.length() == 1) {
        switch (value.charAt(0)) {
          case 'a' -> value = "alpha";
          case 'b' -> value = "beta";
          case 'm' -> value = "milestone";
          default -> { }
        }
      }
      return new StringItem(ALIASES.getOrDefault(value, value));
    }

    /** Known qualifiers by index; unknown ones after all of them, in lexical order. */
    static String comparable(String q) {
      int i = QUALIFIERS.indexOf(q);
      return i == -1 ? QUALIFIERS.size() + "-" + q : String.valueOf(i);
    }

    @Override
    public int compareTo(Item other) {
      if (other == null) {
        return comparable(value).compareTo(RELEASE_INDEX);
      }
      return other instanceof StringItem s ? comparable(value).compareTo(comparable(s.value)) : -1;
    }

    @Override
    public boolean isNull() {
      return comparable(value).equals(RELEASE_INDEX);
    }
  }

  private static final class ListItem extends ArrayList<Item> implements Item {
    @Override
    public int compareTo(Item other) {
      if (other == null) {
        // every item against "nothing", not only the first (MNG-6964)
        for (Item item : this) {
          int result = item.compareTo(null);
          if (result != 0) {
            return result;
          }
        }
        return 0;
      }
      if (other instanceof IntItem) {
        return -1;
      }
      if (other instanceof StringItem) {
        return 1;
      }
      var right = (ListItem) other;
      for (int i = 0; i < Math.max(size(), right.size()); i++) {
        Item l = i < size() ? get(i) : null;
        Item r = i < right.size() ? right.get(i) : null;
        int result = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
        if (result != 0) {
          return result;
        }
      }
      return 0;
    }

    @Override
    public boolean isNull() {
      return isEmpty();
    }

    /** Drops trailing "null" items (0, "", empty lists) before each nested list and at the end. */
    void normalize() {
      for (int i = size() - 1; i >= 0; i--) {
        Item last = get(i);
        if (last.isNull()) {
          remove(i);
        } else if (!(last instanceof ListItem)) {
          break;
        }
      }
    }
  }

  private static ListItem parseItems(String version) {
    var root = new ListItem();
    ListItem list = root;
    Deque<ListItem> stack = new ArrayDeque<>();
    stack.push(list);
    boolean isDigit = false;
    int start = 0;
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c == '.' || c == '-') {
        list.add(i == start ? IntItem.ZERO : item(isDigit, version.substring(start, i)));
        start = i + 1;
        if (c == '-') {
          list = nest(list, stack);
        }
      } else if (c >= '0' && c <= '9') {
        if (!isDigit && i > start) {
          // "1.0.0.X1" sorts like "1.0.0-X1": a qualifier followed by a digit opens a list
          if (!list.isEmpty()) {
            list = nest(list, stack);
          }
          list.add(StringItem.of(version.substring(start, i), true));
          start = i;
          list = nest(list, stack);
        }
        isDigit = true;
      } else {
        if (isDigit && i > start) {
          list.add(item(true, version.substring(start, i)));
          start = i;
          list = nest(list, stack);
        }
        isDigit = false;
      }
    }
    if (version.length() > start) {
      if (!isDigit && !list.isEmpty()) {
        list = nest(list, stack);
      }
      list.add(item(isDigit, version.substring(start)));
    }
    while (!stack.isEmpty()) {
      stack.pop().normalize();
    }
    return root;
  }

  private static ListItem nest(ListItem list, Deque<ListItem> stack) {
    var child = new ListItem();
    list.add(child);
    stack.push(child);
    return child;
  }

  private static Item item(boolean isDigit, String buf) {
    return isDigit ? new IntItem(new BigInteger(buf)) : StringItem.of(buf, false);
  }
}
