package dev.bulwark.gate.api;

import dev.bulwark.common.grpc.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ListDecisions page tokens: an opaque, URL-safe wrapping of the store's "before this row"
 * position ({@code DecisionQuery.beforeId}), so clients cannot come to rely on its shape.
 */
final class PageTokens {
  private static final String PREFIX = "decisions-before:";

  private PageTokens() {}

  /** Empty for 0 (no further page). */
  static String encode(long beforeId) {
    return beforeId <= 0 ? "" : Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + beforeId).getBytes(StandardCharsets.UTF_8));
  }

  /** 0 for an empty token; {@link Refusal#invalid} for one this gate did not issue. */
  static long decode(String token) {
    if (token.isEmpty()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (raw.startsWith(PREFIX)) {
        long id = Long.parseLong(raw.substring(PREFIX.length()));
        if (id > 0) {
          return id;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through: not one of ours (NumberFormatException is an IllegalArgumentException)
    }
    throw Refusal.invalid("page_token '" + token + "' is not a token this gate issued");
  }
}
