package dev.bulwark.gate.suppression;

import dev.bulwark.common.grpc.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Central suppressions: validated on the way in, listed with their expiry state, and turned into
 * the suppressions an evaluation applies (valid ones) or reports (expired ones).
 */
public final class CentralSuppressions {
  private final SuppressionStore store;
  private final Clock clock;

  public CentralSuppressions(SuppressionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * What a caller asks for; empty strings for criteria not set.
   *
   * @param expires an ISO date (YYYY-MM-DD), the last day it applies
   */
  public record Request(String project, String fingerprint, String rule, String pathGlob, String purl,
      String advisory, String reason, String expires, String createdBy) {}

  /** Validates and stores; {@link Refusal#invalid} naming the field when something is wrong. */
  public CentralSuppression add(Request r) {
    if (r.project().isBlank()) {
      throw Refusal.invalid("suppression.project is required");
    }
    if (r.fingerprint().isBlank() && r.rule().isBlank() && r.pathGlob().isBlank() && r.purl().isBlank()
        && r.advisory().isBlank()) {
      throw Refusal.invalid("suppression matches nothing: set at least one of fingerprint, rule, path_glob, "
          + "purl, advisory");
    }
    if (!r.purl().isBlank() && !r.purl().strip().startsWith("pkg:")) {
      throw Refusal.invalid("suppression.purl must be a package URL (pkg:...), not '" + r.purl() + "'");
    }
    if (r.reason().isBlank()) {
      throw Refusal.invalid("suppression.reason is required: say why the risk is acceptable");
    }
    if (r.expires().isBlank()) {
      throw Refusal.invalid("suppression.expires is required (an ISO date, at most one year ahead)");
    }
    LocalDate today = today();
    LocalDate expires;
    try {
      expires = LocalDate.parse(r.expires().strip());
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("suppression.expires must be an ISO date (YYYY-MM-DD), not '" + r.expires() + "'");
    }
    if (expires.isBefore(today)) {
      throw Refusal.invalid("suppression.expires " + expires + " is in the past (today is " + today + ")");
    }
    if (expires.isAfter(today.plusDays(Suppression.MAX_DAYS))) {
      throw Refusal.invalid("suppression.expires " + expires + " is more than one year ahead (latest "
          + today.plusDays(Suppression.MAX_DAYS) + ")");
    }
    var s = new CentralSuppression(UUID.randomUUID().toString(), r.project().strip(), r.fingerprint().strip(),
        r.rule().strip(), r.pathGlob().strip(), r.purl().strip(), r.advisory().strip(), r.reason().strip(), expires,
        r.createdBy().strip(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    store.add(s);
    return s;
  }

  public List<CentralSuppression> list(String project) {
    return store.list(project);
  }

  /** {@link Refusal#notFound} for an unknown id. */
  public void remove(String id) {
    if (id.isBlank()) {
      throw Refusal.invalid("id is required");
    }
    if (!store.remove(id)) {
      throw Refusal.notFound("no central suppression with id '" + id + "'");
    }
  }

  public boolean expired(CentralSuppression s) {
    return s.expiredOn(today());
  }

  /** A project's central suppressions as an evaluation sees them on {@code day}. */
  public record Applicable(List<Suppression> valid, List<String> ignored) {}

  public Applicable forEvaluation(String project, LocalDate day) {
    var valid = new ArrayList<Suppression>();
    var ignored = new ArrayList<String>();
    for (var c : store.list(project)) {
      if (c.expiredOn(day)) {
        ignored.add("central suppression " + c.id() + " not applied: expired on " + c.expires() + " ("
            + c.asSuppression().describe() + ")");
      } else {
        valid.add(c.asSuppression());
      }
    }
    return new Applicable(valid, ignored);
  }

  private LocalDate today() {
    return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
