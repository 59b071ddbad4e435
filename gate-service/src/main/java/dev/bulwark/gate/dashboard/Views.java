package dev.bulwark.gate.dashboard;

import java.util.List;
import java.util.Map;

/** What the dashboard's JSON API answers: plain records, times as ISO-8601 strings. */
public final class Views {
  private Views() {}

  /** A project in the list: its latest decision. */
  public record ProjectSummary(String project, String verdict, int risk, String branch, String scanId,
      String decidedAt, boolean overridden) {}

  /** A policy layer a decision applied. */
  public record Layer(String layer, String source, String version) {}

  /** A decision with its reasons and the policy layers it applied. */
  public record DecisionView(String project, String scanId, String branch, String commit, String requestedBy,
      String verdict, int risk, String decidedAt, boolean overridden, String overrideIdentity,
      String overrideJustification, List<String> reasons, List<Layer> policies) {}

  /** One scan's open findings by severity. */
  public record FindingPoint(String scanId, String branch, String at, Map<String, Integer> bySeverity) {}

  /** One decision on the time line. */
  public record DecisionPoint(String scanId, String branch, String at, String verdict, int risk,
      boolean overridden) {}

  /** A project's trends, oldest first. */
  public record Trend(List<FindingPoint> findings, List<DecisionPoint> decisions) {}

  /** A finding of the latest scan. */
  public record FindingView(String scanner, String ruleId, String title, String severity, String status, int risk,
      String path, int line, String pkg, String suppression) {}

  /**
   * A suppression in force (or reported), central or from the repository.
   *
   * @param daysLeft     days until it stops applying (0 on its last day, negative once expired)
   * @param expiringSoon applies now and expires within {@link Dashboard#EXPIRING_DAYS} days
   */
  public record SuppressionView(String origin, String id, String matches, String reason, String expires,
      long daysLeft, boolean expired, boolean expiringSoon, String createdBy, int matched) {}

  /** A break-glass override: who turned which FAIL into PASS, when and why. */
  public record OverrideView(String scanId, String branch, String at, String identity, String justification) {}

  /** The policy in force: the layers of the latest decision and the project's central policy. */
  public record PolicyView(List<Layer> layers, String centralPolicy, String centralVersion, String repoAllow,
      String centralSetBy, String centralSetAt) {}

  /** Who is looking. */
  public record Me(String name) {}
}
