package dev.bulwark.sast;

import dev.bulwark.sast.secrets.verify.SecretVerification;
import dev.bulwark.sast.secrets.verify.VerificationSettings;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import io.grpc.BindableService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** scanner-sast inside the embedded cluster: the engine on the wire, blobs cached under home. */
public final class SastEmbeddedService implements EmbeddedService {
  static final String ENDPOINT = "verify-endpoint.";

  @Override
  public String name() {
    return "sast";
  }

  @Override
  public int startOrder() {
    return 10;
  }

  @Override
  public List<BindableService> create(EmbeddedContext context) {
    var rulePacks = Optional.of(context.rulePacks());
    var engine = new SastEngine(() -> Analyzers.builtIn(rulePacks), SastEngine.DEFAULT_MAX_FILE_BYTES,
        verification(context));
    return List.of(context.scanner(engine, context.home().resolve("cache").resolve("sast")));
  }

  /**
   * In the cluster the CLI starts for itself, a scan may verify secrets when it asks
   * ({@code --verify-secrets}), unless option "secret-verification" is "off"
   * ({@code BULWARK_SECRET_VERIFICATION=off}). Options "verify-endpoint.<probe>" replace a
   * provider's base URL ({@code BULWARK_VERIFY_ENDPOINT_<PROBE>}).
   */
  static SecretVerification verification(EmbeddedContext context) {
    boolean on = !context.option("secret-verification").orElse("on").equalsIgnoreCase("off");
    var endpoints = new LinkedHashMap<String, String>();
    context.options().forEach((k, v) -> {
      if (k.startsWith(ENDPOINT)) {
        endpoints.put(k.substring(ENDPOINT.length()), v);
      }
    });
    var defaults = VerificationSettings.OFF;
    return new SecretVerification(new VerificationSettings(on, defaults.timeout(), defaults.requestsPerSecond(),
        defaults.maxPerScan(), endpoints), Clock.systemUTC());
  }
}
