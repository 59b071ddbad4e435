package dev.bulwark.server.auth.oidc;

import dev.bulwark.common.path.Glob;
import dev.bulwark.server.auth.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a CI job's ID token to a Bulwark project: when every claim in {@code match} matches its
 * glob ({@code *} within a '/' segment, {@code **} across), the token acts on {@code project}
 * ({@code ${claim}} is replaced by that claim's value, e.g. {@code ${repository}} or
 * {@code ${project_path}}) with {@code roles}. Rules are tried in order; the first match wins.
 */
public record ClaimRule(Map<String, String> match, String project, Set<Role> roles) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

  public ClaimRule {
    match = new LinkedHashMap<>(match);
    roles = Set.copyOf(roles);
    if (match.isEmpty()) {
      throw new IllegalArgumentException("a claim rule needs at least one claim to match (e.g. repository)");
    }
    if (project == null || project.isBlank()) {
      throw new IllegalArgumentException("a claim rule needs a project (e.g. ${repository})");
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a claim rule needs roles (e.g. [scan, read])");
    }
  }

  /** The project this rule gives the claims, empty when it does not match. */
  public Optional<String> apply(Map<String, Object> claims) {
    for (var e : match.entrySet()) {
      Object value = claims.get(e.getKey());
      if (!(value instanceof String s) || !Glob.compile(e.getValue()).matcher(s).matches()) {
        return Optional.empty();
      }
    }
    Matcher m = PLACEHOLDER.matcher(project);
    var out = new StringBuilder();
    while (m.find()) {
      Object value = claims.get(m.group(1));
      if (!(value instanceof String s) || s.isBlank()) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(s));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }
}
