package dev.bulwark.advisories.version;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link VersionOrder} that remembers what it parsed. Advisory data repeats the same few
 * thousand versions in every range, so matching parses each of them once.
 */
public final class CachingVersionOrder implements VersionOrder {
  private static final int MAX_ENTRIES = 500_000;
  private final VersionOrder order;
  private final ConcurrentHashMap<String, Object> parsed = new ConcurrentHashMap<>();

  public CachingVersionOrder(VersionOrder order) {
    this.order = order;
  }

  @Override
  public String name() {
    return order.name();
  }

  @Override
  public Version parse(String text) {
    if (text == null) {
      return order.parse(null);
    }
    Object hit = parsed.get(text);
    if (hit == null) {
      try {
        hit = order.parse(text);
      } catch (IllegalArgumentException e) {
        hit = e;
      }
      if (parsed.size() < MAX_ENTRIES) {
        parsed.put(text, hit);
      }
    }
    if (hit instanceof IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    return (Version) hit;
  }

  @Override
  public boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
