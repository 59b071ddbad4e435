package dev.bulwark.gate.suppression;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;

/**
 * A suppression managed over gRPC ({@code bulwark suppress}) rather than in the repository's
 * {@code .bulwark.yaml}. It applies to every scan of its project until it expires, through the
 * same matcher as the in-repo ones ({@link #asSuppression()}). Empty strings mean "criterion
 * not set"; at least one is set (checked by {@link CentralSuppressions}).
 *
 * @param id          opaque, assigned on creation
 * @param project     the project it applies to
 * @param fingerprint a finding's fingerprint
 * @param rule        a rule id, exact or a prefix ending in {@code *}
 * @param pathGlob    a glob over the finding's path or manifest path
 * @param purl        a package URL, with or without version
 * @param advisory    an advisory id or alias
 * @param reason      why the risk is accepted
 * @param expires     last day it applies
 * @param createdBy   who added it
 * @param createdAt   when
 */
public record CentralSuppression(String id, String project, String fingerprint, String rule, String pathGlob,
    String purl, String advisory, String reason, LocalDate expires, String createdBy, Instant createdAt) {

  /** The matcher shared with in-repo suppressions. */
  public Suppression asSuppression() {
    var criteria = new ArrayList<Suppression.Criterion>();
    if (!fingerprint.isEmpty()) {
      criteria.add(new Suppression.ByFingerprint(fingerprint));
    }
    if (!rule.isEmpty()) {
      criteria.add(new Suppression.ByRule(rule));
    }
    if (!pathGlob.isEmpty()) {
      criteria.add(new Suppression.ByPath(pathGlob));
    }
    if (!purl.isEmpty()) {
      criteria.add(new Suppression.ByPurl(purl));
    }
    if (!advisory.isEmpty()) {
      criteria.add(new Suppression.ByAdvisory(advisory));
    }
    return new Suppression(criteria, reason, expires, "central " + id);
  }

  /** True once past its last day: listed, never applied. */
  public boolean expiredOn(LocalDate day) {
    return day.isAfter(expires);
  }
}
