package dev.bulwark.cli.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local services may need to know before an embedded scan starts, so the full
 * distribution can bring its data up to date first (on the first run: the advisories of the
 * ecosystems the tree uses).
 *
 * @param home        Bulwark's home folder
 * @param tree        the folder to scan, when there is one
 * @param offline     never reach the network; use what the home holds (one warning when that is
 *                    missing or old)
 * @param maxAge      data fetched longer ago than this is fetched again; empty for the default
 * @param env         environment variables (mirror URLs and the like)
 * @param err         where warnings and the progress bar go
 * @param interactive whether {@code err} is a terminal (the progress bar is drawn only then)
 */
public record ScanPreparation(Path home, Optional<Path> tree, boolean offline, Optional<Duration> maxAge,
    Map<String, String> env, PrintStream err, boolean interactive) {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd]?)");

  /**
   * A duration as people write it: "24h", "7d", "90m", "30s", "0" (always fetch), or ISO-8601
   * ("PT12H", "P7D").
   *
   * @throws IllegalArgumentException naming the text when it is none of those
   */
  public static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofHours(n); // "24h", and a bare number counts in hours
      };
    }
    try {
      return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration such as 24h, 7d, 90m or PT12H");
    }
  }
}
