package dev.bulwark.gate.dashboard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the {@link Viewer} of every API request before any resource runs (the one seam of
 * authentication); a request the {@link ViewerResolver} cannot attribute ends here with 401 and
 * reads nothing.
 */
public final class ViewerFilter implements ContainerRequestFilter {
  /** The request property holding the viewer. */
  static final String VIEWER = "bulwark.dashboard.viewer";

  private final ViewerResolver viewers;

  public ViewerFilter(ViewerResolver viewers) {
    this.viewers = viewers;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!("/" + request.getUriInfo().getPath()).startsWith(DashboardWeb.API + "/")) {
      return; // "/" and the icon carry no data
    }
    var headers = new LinkedHashMap<String, java.util.List<String>>();
    request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    var cookies = new LinkedHashMap<String, String>();
    request.getCookies().forEach((name, cookie) -> cookies.put(name, cookie.getValue()));
    var viewer = viewers.resolve(new ViewerResolver.Credentials(headers, cookies));
    if (viewer.isEmpty()) {
      request.abortWith(Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
          .entity(Map.of("error", "sign in to read the dashboard")).build());
      return;
    }
    request.setProperty(VIEWER, viewer.get());
  }
}
