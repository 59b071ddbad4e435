package dev.bulwark.gate.dashboard;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.servlets.assets.AssetServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How the dashboard is served: its JSON API ({@value #API}, Jersey) and its pages
 * ({@value #PAGES}, static files that read the API) with Chart.js from its WebJar, under a
 * strict Content-Security-Policy. The same parts go into the gate's Dropwizard application
 * ({@link #register}) and into the Jetty of the embedded cluster ({@link EmbeddedDashboard}).
 */
public final class DashboardWeb {
  /** Where the JSON API lives. */
  public static final String API = "/api/dashboard";
  /** Where the pages live. */
  public static final String PAGES = "/dashboard";
  /** Scripts, styles and data only from the gate itself; no inline script, no framing. */
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  private static final String CHART_JS = "/META-INF/resources/webjars/chart.js/";

  private DashboardWeb() {}

  /** The Jersey components: the API, the viewer seam, refusals as JSON, "/" sent to the pages. */
  static List<Object> jerseyComponents(Dashboard dashboard, ViewerResolver viewers) {
    return List.of(new DashboardResource(dashboard), new ViewerFilter(viewers), new RefusalMapper(), new Root());
  }

  /** The servlets by mapping: the pages and the charting library. */
  static Map<String, AssetServlet> assets() {
    return Map.of(PAGES + "/*", new AssetServlet(PAGES, PAGES, "index.html", StandardCharsets.UTF_8),
        PAGES + "/vendor/*", new AssetServlet(CHART_JS + chartJsVersion() + "/dist", PAGES + "/vendor", null,
            StandardCharsets.UTF_8));
  }

  /** Adds the dashboard to the gate's Dropwizard application (its {@code server} connectors). */
  public static void register(Environment environment, Dashboard dashboard, ViewerResolver viewers) {
    jerseyComponents(dashboard, viewers).forEach(environment.jersey()::register);
    assets().forEach((mapping, servlet) ->
        environment.servlets().addServlet("dashboard " + mapping, servlet).addMapping(mapping));
    environment.servlets().addFilter("dashboard headers", securityHeaders())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, PAGES + "/*", API + "/*");
  }

  /** CSP and friends on every page and API answer. */
  static Filter securityHeaders() {
    return (request, response, chain) -> {
      var http = (HttpServletResponse) response;
      http.setHeader("Content-Security-Policy", CSP);
      http.setHeader("X-Content-Type-Options", "nosniff");
      http.setHeader("Referrer-Policy", "no-referrer");
      http.setHeader("Cache-Control", "no-store");
      chain.doFilter(request, response);
    };
  }

  /** The version of the Chart.js WebJar on the classpath. */
  static String chartJsVersion() {
    try (InputStream in = DashboardWeb.class.getResourceAsStream(
        "/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the Chart.js WebJar is not on the classpath");
      }
      var p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "/" leads to the pages; there is no icon to fetch. */
  @Path("/")
  public static final class Root {
    @GET
    public Response root() {
      return Response.seeOther(URI.create(PAGES + "/")).build();
    }

    @GET
    @Path("favicon.ico")
    public Response icon() {
      return Response.noContent().build();
    }
  }
}
