package dev.bulwark.gate.dashboard;

import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.jackson.JacksonFeature;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The dashboard on a Jetty of its own, for the embedded cluster ({@code bulwark cluster}), where
 * no Dropwizard application runs: the same API and pages as {@link DashboardWeb#register}.
 */
public final class EmbeddedDashboard implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  private EmbeddedDashboard(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Starts on {@code host:port} (port 0 picks a free one). */
  public static EmbeddedDashboard start(String host, int port, Dashboard dashboard, ViewerResolver viewers)
      throws Exception {
    var server = new Server();
    var connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    var config = new ResourceConfig().register(new JacksonFeature(Jackson.newObjectMapper()));
    DashboardWeb.jerseyComponents(dashboard, viewers).forEach(config::register);
    var context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder("api", new ServletContainer(config)), "/*");
    DashboardWeb.assets().forEach((mapping, servlet) -> context.addServlet(new ServletHolder(mapping, servlet), mapping));
    context.addFilter(new FilterHolder(DashboardWeb.securityHeaders()), DashboardWeb.PAGES + "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(new FilterHolder(DashboardWeb.securityHeaders()), DashboardWeb.API + "/*",
        EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
    return new EmbeddedDashboard(server, connector);
  }

  /** Where the pages are, e.g. {@code http://127.0.0.1:7075/dashboard/}. */
  public URI url() {
    String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
        : connector.getHost();
    return URI.create("http://" + host + ":" + connector.getLocalPort() + DashboardWeb.PAGES + "/");
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
