package dev.bulwark.dist.feeds;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Where the first run fetches data from: OSV's per-ecosystem exports
 * ({@code <osvBase>/<Ecosystem>/all.zip}), the CISA KEV catalog and the FIRST EPSS scores; each
 * overridable by an environment variable, so an air-gapped installation points at its mirror
 * (an http(s) URL, or a folder laid out the same way).
 *
 * @param osvBase base of the OSV layout, without the trailing '/'
 */
public record FeedSources(String osvBase, String kev, String epss) {
  public static final String OSV_ENV = "BULWARK_OSV_URL";
  public static final String KEV_ENV = "BULWARK_KEV_URL";
  public static final String EPSS_ENV = "BULWARK_EPSS_URL";
  public static final String DEFAULT_OSV = "https://osv-vulnerabilities.storage.googleapis.com";
  public static final String DEFAULT_KEV =
      "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";
  public static final String DEFAULT_EPSS = "https://epss.cyentia.com/epss_scores-current.csv.gz";

  static FeedSources from(Map<String, String> env) {
    return new FeedSources(setting(env, OSV_ENV, DEFAULT_OSV).replaceAll("/+$", ""),
        setting(env, KEV_ENV, DEFAULT_KEV), setting(env, EPSS_ENV, DEFAULT_EPSS));
  }

  private static String setting(Map<String, String> env, String name, String fallback) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty()).orElse(fallback);
  }

  /** The export of one ecosystem: {@code <base>/<Ecosystem>/all.zip}. */
  public String osv(String ecosystem) {
    boolean url = osvBase.startsWith("http://") || osvBase.startsWith("https://");
    String segment = url ? URLEncoder.encode(ecosystem, StandardCharsets.UTF_8).replace("+", "%20") : ecosystem;
    return osvBase + "/" + segment + "/all.zip";
  }

  /** The host a source lives on ("" for a local path): one unreachable host is not tried twice. */
  static String host(String source) {
    if (!source.startsWith("http://") && !source.startsWith("https://")) {
      return "";
    }
    try {
      return Optional.ofNullable(URI.create(source).getAuthority()).orElse("");
    } catch (IllegalArgumentException e) {
      return source;
    }
  }
}
