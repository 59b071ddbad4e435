package dev.bulwark.gate.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.server.auth.Role;
import dev.bulwark.server.auth.oidc.ClaimRule;
import dev.bulwark.server.auth.oidc.OidcIssuer;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the gate's {@code oidc:} list: an issuer whose ID tokens are accepted, and the
 * claim rules that map them to projects (see {@link ClaimRule}).
 *
 * <pre>
 * oidc:
 *   - issuer: https://token.actions.githubusercontent.com
 *     audience: bulwark
 *     rules:
 *       - match: {repository: "acme/*", ref: "refs/heads/**"}
 *         project: "${repository}"
 *         roles: [scan, read]
 * </pre>
 */
public class OidcSettings {
  @JsonProperty
  public String issuer = "";
  @JsonProperty
  public String audience = "";
  /** Where the keys are; empty: from the issuer's OpenID configuration. */
  @JsonProperty
  public String jwks = "";
  @JsonProperty
  public List<Rule> rules = new ArrayList<>();

  /** A claim rule. */
  public static class Rule {
    @JsonProperty
    public Map<String, String> match = new LinkedHashMap<>();
    @JsonProperty
    public String project = "";
    @JsonProperty
    public List<String> roles = new ArrayList<>();
  }

  public OidcIssuer toIssuer() {
    var claimRules = rules.stream().map(r -> {
      var roles = EnumSet.noneOf(Role.class);
      r.roles.forEach(x -> roles.add(Role.parse(x)));
      return new ClaimRule(r.match, r.project, roles);
    }).toList();
    return new OidcIssuer(issuer, audience, jwks == null || jwks.isBlank() ? Optional.empty()
        : Optional.of(URI.create(jwks.strip())), claimRules);
  }
}
