package dev.bulwark.sast.secrets.verify;

import java.util.List;
import java.util.Set;

/**
 * A harmless question to a provider's identity endpoint ("who am I?"): it reads nothing but the
 * credential's own identity and changes nothing.
 */
public sealed interface Probe permits Probe.Http, Probe.AwsSts {
  /** The probe's name, as rules name it ({@code verify: github}) and settings configure it. */
  String name();

  /** The provider's public endpoint, used unless the settings give another. */
  String publicBase();

  /**
   * A request with the credential in a header (or the path), judged by its status code and,
   * optionally, a JSON flag in the body (Slack answers 200 with {@code "ok": false}).
   *
   * @param method   GET or POST
   * @param path     appended to the base URL; {@code {secret}} is replaced by the credential
   * @param header   header name, empty when the credential travels in the path
   * @param scheme   header value template: {@code {secret}}, or e.g. "Bearer {secret}", "token {secret}";
   *                 "basic" sends {@code secret:} as HTTP Basic credentials (Stripe)
   * @param live     statuses meaning the credential works (403 "works but may not do this" counts)
   * @param rejected statuses meaning it does not
   * @param okFlag   a JSON field that must be {@code true} in the body for a live answer ("" when none)
   */
  record Http(String name, String publicBase, String method, String path, String header, String scheme,
      Set<Integer> live, Set<Integer> rejected, String okFlag) implements Probe {}

  /** AWS STS GetCallerIdentity, signed with Signature Version 4: needs the key id and its secret. */
  record AwsSts(String name, String publicBase, String region) implements Probe {}

  /** The built-in probes, by name. */
  static List<Probe> builtIn() {
    Set<Integer> ok = Set.of(200);
    Set<Integer> unauthorized = Set.of(401);
    return List.of(
        new Http("github", "https://api.github.com", "GET", "/user", "Authorization", "token {secret}", ok,
            unauthorized, ""),
        new Http("gitlab", "https://gitlab.com", "GET", "/api/v4/user", "PRIVATE-TOKEN", "{secret}", ok,
            unauthorized, ""),
        new Http("slack", "https://slack.com", "POST", "/api/auth.test", "Authorization", "Bearer {secret}", ok,
            Set.of(), "ok"),
        new Http("stripe", "https://api.stripe.com", "GET", "/v1/balance", "Authorization", "basic",
            Set.of(200, 403), unauthorized, ""),
        new Http("npm", "https://registry.npmjs.org", "GET", "/-/whoami", "Authorization", "Bearer {secret}", ok,
            Set.of(401, 403), ""),
        new Http("openai", "https://api.openai.com", "GET", "/v1/models", "Authorization", "Bearer {secret}", ok,
            unauthorized, ""),
        new Http("huggingface", "https://huggingface.co", "GET", "/api/whoami-v2", "Authorization",
            "Bearer {secret}", ok, unauthorized, ""),
        new Http("digitalocean", "https://api.digitalocean.com", "GET", "/v2/account", "Authorization",
            "Bearer {secret}", ok, unauthorized, ""),
        new Http("sendgrid", "https://api.sendgrid.com", "GET", "/v3/scopes", "Authorization", "Bearer {secret}",
            ok, Set.of(401, 403), ""),
        new Http("telegram", "https://api.telegram.org", "GET", "/bot{secret}/getMe", "", "", ok,
            Set.of(401, 404), "ok"),
        new AwsSts("aws", "https://sts.amazonaws.com", "us-east-1"));
  }
}
