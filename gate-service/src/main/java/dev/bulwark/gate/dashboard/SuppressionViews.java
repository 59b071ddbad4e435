package dev.bulwark.gate.dashboard;

import dev.bulwark.gate.dashboard.DecisionHistory.RecordedSuppression;
import dev.bulwark.gate.dashboard.Views.SuppressionView;
import dev.bulwark.gate.suppression.CentralSuppression;
import dev.bulwark.gate.suppression.SuppressionStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A project's suppressions as the dashboard lists them: the central ones (managed with
 * {@code bulwark suppress}, expired ones included) and the repository's that its latest
 * evaluation applied or reported, each with the days it has left; those that stop applying within
 * {@link Dashboard#EXPIRING_DAYS} days are flagged.
 */
final class SuppressionViews {
  private final DecisionHistory history;
  private final SuppressionStore central;
  private final Clock clock;

  SuppressionViews(DecisionHistory history, SuppressionStore central, Clock clock) {
    this.history = history;
    this.central = central;
    this.clock = clock;
  }

  List<SuppressionView> of(String project) {
    var today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    var recorded = history.suppressions(project);
    var out = new ArrayList<SuppressionView>();
    for (CentralSuppression c : central.list(project)) {
      var described = c.asSuppression().describe();
      int matched = recorded.stream().filter(r -> r.applied() && r.description().equals(described))
          .mapToInt(RecordedSuppression::matched).sum();
      out.add(view("central", c.id(), criteria(described), c.reason(), c.expires(), today, c.createdBy(), matched));
    }
    for (RecordedSuppression r : recorded) {
      if (r.applied() && !r.description().contains("(central ")) {
        out.add(view("repository", "", criteria(r.description()), r.reason(), r.expires(), today, "", r.matched()));
      } else if (!r.applied() && !r.description().startsWith("central suppression ")) {
        out.add(new SuppressionView("not applied", "", r.description(), "", "", 0, false, false, "", 0));
      }
    }
    out.sort(Comparator.comparing((SuppressionView v) -> v.expires().isEmpty()).thenComparingLong(SuppressionView::daysLeft));
    return out;
  }

  private static SuppressionView view(String origin, String id, String matches, String reason, LocalDate expires,
      LocalDate today, String createdBy, int matched) {
    long daysLeft = ChronoUnit.DAYS.between(today, expires);
    boolean expired = daysLeft < 0;
    return new SuppressionView(origin, id, matches, reason, expires.toString(), daysLeft, expired,
        !expired && daysLeft <= Dashboard.EXPIRING_DAYS, createdBy, matched);
  }

  /** "rule x, path y (origin)" out of "rule x, path y (origin): reason; expires date". */
  private static String criteria(String description) {
    int end = description.lastIndexOf("): ");
    return end < 0 ? description : description.substring(0, end + 1);
  }
}
