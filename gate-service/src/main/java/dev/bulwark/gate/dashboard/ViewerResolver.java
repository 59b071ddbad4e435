package dev.bulwark.gate.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds out who sends a dashboard request: the one place authentication plugs in. Resolved once
 * per request, before any data is read; a request it cannot attribute is refused (HTTP 401) and
 * reads nothing. The default, {@link #everyone()}, lets every request read every project, as the
 * gRPC API does today.
 */
@FunctionalInterface
public interface ViewerResolver {
  /** The viewer of a request, or empty when the request does not say who sends it. */
  Optional<Viewer> resolve(Credentials request);

  /**
   * What a request carries to identify its sender.
   *
   * @param headers request headers by lower-case name
   * @param cookies cookies by name
   */
  record Credentials(Map<String, List<String>> headers, Map<String, String> cookies) {
    public Credentials {
      headers = Map.copyOf(headers);
      cookies = Map.copyOf(cookies);
    }

    /** The first value of a header, if sent. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)))
          .flatMap(v -> v.stream().findFirst());
    }

    public Optional<String> cookie(String name) {
      return Optional.ofNullable(cookies.get(name));
    }
  }

  /** No authentication: everyone reads everything. */
  static ViewerResolver everyone() {
    return request -> Optional.of(Viewer.everyone());
  }
}
