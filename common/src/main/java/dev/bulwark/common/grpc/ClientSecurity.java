package dev.bulwark.common.grpc;

import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.CompositeChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import java.util.Optional;

/**
 * How a client channel secures its calls: TLS (checking the server against a CA, presenting a
 * certificate for mutual TLS) and a per-call credential (a bearer token). {@link #NONE} is
 * plain text without credential, for loopback tests and the embedded cluster's default.
 */
public record ClientSecurity(Optional<TlsMaterial> tls, Optional<CallCredentials> credentials) {
  public static final ClientSecurity NONE = new ClientSecurity(Optional.empty(), Optional.empty());

  public static ClientSecurity tls(TlsMaterial tls) {
    return new ClientSecurity(Optional.of(tls), Optional.empty());
  }

  public ClientSecurity withCredentials(CallCredentials credentials) {
    return new ClientSecurity(tls, Optional.of(credentials));
  }

  public boolean usesTls() {
    return tls.isPresent();
  }

  /** The channel credentials these settings make. */
  public ChannelCredentials channelCredentials() {
    ChannelCredentials transport = tls.map(TlsMaterial::channelCredentials)
        .orElseGet(InsecureChannelCredentials::create);
    return credentials.map(c -> CompositeChannelCredentials.create(transport, c)).orElse(transport);
  }
}
