package dev.bulwark.gate.dashboard;

import dev.bulwark.common.grpc.Refusal;
import dev.bulwark.gate.dashboard.Views.DecisionPoint;
import dev.bulwark.gate.dashboard.Views.DecisionView;
import dev.bulwark.gate.dashboard.Views.FindingPoint;
import dev.bulwark.gate.dashboard.Views.FindingView;
import dev.bulwark.gate.dashboard.Views.Layer;
import dev.bulwark.gate.dashboard.Views.OverrideView;
import dev.bulwark.gate.dashboard.Views.PolicyView;
import dev.bulwark.gate.dashboard.Views.ProjectSummary;
import dev.bulwark.gate.dashboard.Views.Trend;
import dev.bulwark.gate.policy.CentralPolicyStore;
import dev.bulwark.gate.suppression.SuppressionStore;
import dev.bulwark.v1.Decision;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * What the dashboard shows, read from the gate's record for one {@link Viewer} at a time: the
 * projects it may read with their latest decision, and per project its trends, latest decision,
 * findings, policy, suppressions and overrides. Every method checks the viewer before it reads;
 * a project the viewer may not read is {@link Refusal#notFound} with the same message as one
 * that has no decisions.
 */
public final class Dashboard {
  /** Suppressions that stop applying within this many days are flagged. */
  public static final int EXPIRING_DAYS = 14;
  static final int TREND_SCANS = 60;
  static final int TREND_DECISIONS = 200;
  static final int OVERRIDES = 100;

  private final DecisionHistory history;
  private final CentralPolicyStore policies;
  private final SuppressionViews suppressions;

  public Dashboard(DecisionHistory history, SuppressionStore suppressions,
      CentralPolicyStore policies, Clock clock) {
    this.history = history;
    this.policies = policies;
    this.suppressions = new SuppressionViews(history, suppressions, clock);
  }

  /** The projects the viewer may read, each with its latest decision, riskiest first. */
  public List<ProjectSummary> projects(Viewer viewer) {
    return history.latestPerProject().stream()
        .filter(d -> viewer.mayRead(d.getContext().getProject()))
        .sorted(Comparator.comparingInt(Decision::getRiskScore).reversed()
            .thenComparing(d -> d.getContext().getProject()))
        .map(d -> new ProjectSummary(d.getContext().getProject(), d.getVerdict().name(), d.getRiskScore(),
            d.getContext().getBranch(), d.getScanId(), d.getDecidedAt(), d.getOverridden()))
        .toList();
  }

  /** The project's latest decision with its reasons and policy layers. */
  public DecisionView latest(Viewer viewer, String project) {
    return view(readable(viewer, project));
  }

  /** Open findings by severity per scan and the decisions over time, oldest first. */
  public Trend trend(Viewer viewer, String project) {
    readable(viewer, project);
    var findings = history.findingTrend(project, TREND_SCANS).stream()
        .map(s -> new FindingPoint(s.scanId(), s.branch(), iso(s.at()), s.bySeverity())).toList();
    var decisions = new ArrayList<>(history.decisions(project, TREND_DECISIONS).stream()
        .map(d -> new DecisionPoint(d.getScanId(), d.getContext().getBranch(), d.getDecidedAt(), d.getVerdict().name(),
            d.getRiskScore(), d.getOverridden())).toList());
    Collections.reverse(decisions);
    return new Trend(findings, decisions);
  }

  /** The findings of the project's latest scan that pass the filter, riskiest first. */
  public List<FindingView> findings(Viewer viewer, String project, FindingFilter filter) {
    var latest = readable(viewer, project);
    return history.findings(latest.getScanId()).stream().filter(filter::accepts).map(FindingFilter::view).toList();
  }

  /** Central and repository suppressions, soonest expiry first. */
  public List<Views.SuppressionView> suppressions(Viewer viewer, String project) {
    readable(viewer, project);
    return suppressions.of(project);
  }

  /** Break-glass overrides, newest first. */
  public List<OverrideView> overrides(Viewer viewer, String project) {
    readable(viewer, project);
    return history.overrides(project, OVERRIDES).stream()
        .map(d -> new OverrideView(d.getScanId(), d.getContext().getBranch(), d.getDecidedAt(), d.getOverrideIdentity(),
            d.getOverrideJustification()))
        .toList();
  }

  /** The layers the latest decision applied, and the project's central policy when it has one. */
  public PolicyView policy(Viewer viewer, String project) {
    var latest = readable(viewer, project);
    var central = policies.latest(project).filter(c -> !c.text().isBlank());
    return new PolicyView(layers(latest), central.map(c -> c.text()).orElse(""),
        central.map(c -> c.version()).orElse(""), central.map(c -> c.repoAllow()).orElse(""),
        central.map(c -> c.setBy()).orElse(""), central.map(c -> iso(c.setAt())).orElse(""));
  }

  /** The project's latest decision, when the viewer may read the project and it has one. */
  private Decision readable(Viewer viewer, String project) {
    if (project == null || project.isBlank()) {
      throw Refusal.invalid("project is required");
    }
    var notFound = Refusal.notFound("no project '" + project + "'");
    if (!viewer.mayRead(project)) {
      throw notFound;
    }
    return history.decisions(project, 1).stream().findFirst().orElseThrow(() -> notFound);
  }

  private static DecisionView view(Decision d) {
    var c = d.getContext();
    return new DecisionView(c.getProject(), d.getScanId(), c.getBranch(), c.getCommit(), c.getRequestedBy(),
        d.getVerdict().name(), d.getRiskScore(), d.getDecidedAt(), d.getOverridden(), d.getOverrideIdentity(),
        d.getOverrideJustification(), List.copyOf(d.getReasonsList()), layers(d));
  }

  private static List<Layer> layers(Decision d) {
    return d.getPoliciesList().stream().map(p -> new Layer(p.getLayer(), p.getSource(), p.getVersion())).toList();
  }

  static String iso(Instant at) {
    return DateTimeFormatter.ISO_INSTANT.format(at);
  }
}
