package dev.bulwark.gate.dashboard;

import dev.bulwark.gate.dashboard.Views.DecisionView;
import dev.bulwark.gate.dashboard.Views.FindingView;
import dev.bulwark.gate.dashboard.Views.Me;
import dev.bulwark.gate.dashboard.Views.OverrideView;
import dev.bulwark.gate.dashboard.Views.PolicyView;
import dev.bulwark.gate.dashboard.Views.ProjectSummary;
import dev.bulwark.gate.dashboard.Views.SuppressionView;
import dev.bulwark.gate.dashboard.Views.Trend;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The dashboard's JSON API, read-only. Thin: the viewer comes from {@link ViewerFilter}, the
 * answers from {@link Dashboard}. Projects are named by query parameter ({@code ?project=acme/shop})
 * because project names hold slashes.
 */
@Path(DashboardWeb.API)
@Produces(MediaType.APPLICATION_JSON)
public final class DashboardResource {
  private final Dashboard dashboard;

  public DashboardResource(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  private static Viewer viewer(ContainerRequestContext request) {
    return (Viewer) request.getProperty(ViewerFilter.VIEWER);
  }

  @GET
  @Path("me")
  public Me me(@Context ContainerRequestContext request) {
    return new Me(viewer(request).name());
  }

  @GET
  @Path("projects")
  public List<ProjectSummary> projects(@Context ContainerRequestContext request) {
    return dashboard.projects(viewer(request));
  }

  @GET
  @Path("decision")
  public DecisionView decision(@Context ContainerRequestContext request, @QueryParam("project") String project) {
    return dashboard.latest(viewer(request), project);
  }

  @GET
  @Path("trend")
  public Trend trend(@Context ContainerRequestContext request, @QueryParam("project") String project) {
    return dashboard.trend(viewer(request), project);
  }

  @GET
  @Path("findings")
  public List<FindingView> findings(@Context ContainerRequestContext request, @QueryParam("project") String project,
      @QueryParam("scanner") String scanner, @QueryParam("severity") String severity,
      @QueryParam("status") String status, @QueryParam("path") String path) {
    return dashboard.findings(viewer(request), project, new FindingFilter(scanner, severity, status, path));
  }

  @GET
  @Path("suppressions")
  public List<SuppressionView> suppressions(@Context ContainerRequestContext request,
      @QueryParam("project") String project) {
    return dashboard.suppressions(viewer(request), project);
  }

  @GET
  @Path("overrides")
  public List<OverrideView> overrides(@Context ContainerRequestContext request, @QueryParam("project") String project) {
    return dashboard.overrides(viewer(request), project);
  }

  @GET
  @Path("policy")
  public PolicyView policy(@Context ContainerRequestContext request, @QueryParam("project") String project) {
    return dashboard.policy(viewer(request), project);
  }
}
