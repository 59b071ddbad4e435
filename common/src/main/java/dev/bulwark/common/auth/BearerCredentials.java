package dev.bulwark.common.auth;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.SecurityLevel;
import io.grpc.Status;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Sends a credential as {@code authorization: Bearer <token>} on every call (grpc-java's
 * example-jwt-auth shape). It refuses to send it in plain text to anything but loopback: a
 * token crossing a network unencrypted is a token given away.
 */
public final class BearerCredentials extends CallCredentials {
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  public static final String SCHEME = "Bearer ";

  private final Supplier<String> token;
  private final boolean plaintextAllowed;

  private BearerCredentials(Supplier<String> token, boolean plaintextAllowed) {
    this.token = token;
    this.plaintextAllowed = plaintextAllowed;
  }

  /** Sends {@code token} over TLS, or in plain text to loopback only. */
  public static BearerCredentials of(String token) {
    return new BearerCredentials(() -> token, false);
  }

  /** Asks {@code token} for the credential on each call (e.g. a file a CI runner refreshes). */
  public static BearerCredentials of(Supplier<String> token, boolean plaintextAllowed) {
    return new BearerCredentials(token, plaintextAllowed);
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
    if (info.getSecurityLevel() == SecurityLevel.NONE && !plaintextAllowed && !isLoopback(info.getAuthority())) {
      applier.fail(Status.UNAUTHENTICATED.withDescription("refusing to send a bearer token in plain text to "
          + info.getAuthority() + ": connect with TLS (--tls / --tls-ca) or to loopback"));
      return;
    }
    String value = token.get();
    if (value == null || value.isBlank()) {
      applier.fail(Status.UNAUTHENTICATED.withDescription("no credential to send (the token is empty)"));
      return;
    }
    var headers = new Metadata();
    headers.put(AUTHORIZATION, SCHEME + value.strip());
    applier.apply(headers);
  }

  /** True for localhost, 127.0.0.0/8 and ::1 ("host:port" or "[v6]:port"). */
  static boolean isLoopback(String authority) {
    if (authority == null) {
      return false;
    }
    String host = authority;
    if (host.startsWith("[")) {
      host = host.substring(1, Math.max(1, host.indexOf(']')));
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.contains(":")) {
      host = host.substring(0, host.indexOf(':'));
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name other than localhost: never resolved here
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
