package dev.bulwark.cli;

import dev.bulwark.common.auth.BearerCredentials;
import dev.bulwark.common.auth.LocalAdminToken;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.TlsFiles;
import dev.bulwark.common.grpc.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * How the CLI proves who it is and checks the server: a credential (in this order: {@code --token},
 * {@code --token-file}, {@code $BULWARK_TOKEN}, {@code $BULWARK_OIDC_TOKEN} (a CI job's ID
 * token), {@code $BULWARK_TOKEN_FILE}; for the embedded cluster, its local admin token) sent as
 * {@code authorization: Bearer}, and TLS ({@code --tls}, {@code --tls-ca FILE} or
 * {@code $BULWARK_TLS_CA}). A token never goes in plain text to anything but loopback.
 */
public final class Credentials {
  @Option(names = "--token", paramLabel = "TOKEN",
      description = "API token (default: $BULWARK_TOKEN, $BULWARK_OIDC_TOKEN, or the file $BULWARK_TOKEN_FILE).")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "File holding the token (e.g. a CI job's ID token), read on every call.")
  Path tokenFile;

  @Option(names = "--tls", description = "Connect with TLS, checking the server against the system's CAs.")
  boolean tls;

  @Option(names = "--insecure",
      description = "Send the token even in plain text to a server that is not on loopback (never in production).")
  boolean insecure;

  @Option(names = "--tls-ca", paramLabel = "FILE",
      description = "Connect with TLS, checking the server against this CA (default: $BULWARK_TLS_CA).")
  Path tlsCa;

  /** For a remote gateway or gate. */
  ClientSecurity remote(CliEnvironment env) {
    return secure(env, credential(env));
  }

  /** For the embedded cluster on loopback: an explicit credential, else its local admin token. */
  ClientSecurity local(CliEnvironment env) {
    Optional<Supplier<String>> explicit = credential(env);
    return secure(env, explicit.isPresent() ? explicit
        : LocalAdminToken.read(env.home()).map(t -> () -> t));
  }

  private ClientSecurity secure(CliEnvironment env, Optional<Supplier<String>> credential) {
    Optional<Path> ca = Optional.ofNullable(tlsCa)
        .or(() -> Optional.ofNullable(env.env().get("BULWARK_TLS_CA")).filter(s -> !s.isBlank()).map(Path::of));
    ClientSecurity security = ClientSecurity.NONE;
    if (tls || ca.isPresent()) {
      ca.ifPresent(f -> {
        if (!Files.isRegularFile(f)) {
          throw new UserError("TLS CA file not found: " + f);
        }
      });
      try {
        security = ClientSecurity.tls(TlsMaterial.load(TlsFiles.trusting(ca)));
      } catch (RuntimeException e) {
        throw new UserError("cannot use the TLS CA " + ca.map(Path::toString).orElse("(system)") + ": "
            + e.getMessage(), e);
      }
    }
    ClientSecurity transport = security;
    return credential.map(c -> transport.withCredentials(BearerCredentials.of(c, insecure))).orElse(transport);
  }

  private Optional<Supplier<String>> credential(CliEnvironment env) {
    if (token != null && !token.isBlank()) {
      String t = token.strip();
      return Optional.of(() -> t);
    }
    if (tokenFile != null) {
      return Optional.of(fileReader(tokenFile));
    }
    for (String variable : new String[] {"BULWARK_TOKEN", "BULWARK_OIDC_TOKEN"}) {
      String value = env.env().get(variable);
      if (value != null && !value.isBlank()) {
        String t = value.strip();
        return Optional.of(() -> t);
      }
    }
    return Optional.ofNullable(env.env().get("BULWARK_TOKEN_FILE")).filter(s -> !s.isBlank())
        .map(f -> fileReader(Path.of(f)));
  }

  private static Supplier<String> fileReader(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError("token file not found: " + file);
    }
    return () -> {
      try {
        return Files.readString(file).strip();
      } catch (IOException e) {
        throw new UserError("cannot read the token file " + file + ": " + e.getMessage(), e);
      }
    };
  }
}
