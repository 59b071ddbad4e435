package dev.bulwark.server.auth;

import io.grpc.Attributes;
import io.grpc.Grpc;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What the transport tells about a caller: the service name in the client certificate it
 * presented over mutual TLS (its subject's common name, e.g. "gateway"; the TLS handshake has
 * already checked that it chains to the configured CA), and its address.
 */
public final class PeerCertificates {
  private PeerCertificates() {}

  /** The CN of the verified client certificate, empty without TLS or without a client certificate. */
  public static Optional<String> serviceName(Attributes transport) {
    var session = transport.get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (session == null) {
      return Optional.empty();
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
        return commonName(leaf);
      }
    } catch (SSLPeerUnverifiedException noClientCertificate) {
      // a client without a certificate: it may still bring a bearer credential
    }
    return Optional.empty();
  }

  /** The subject's CN. */
  public static Optional<String> commonName(X509Certificate certificate) {
    try {
      return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
          .filter(r -> r.getType().equalsIgnoreCase("CN")).map(r -> String.valueOf(r.getValue())).findFirst();
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }

  /** "ip:port" of the caller, empty when unknown. */
  public static String address(Attributes transport) {
    SocketAddress remote = transport.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (remote instanceof InetSocketAddress inet) {
      String host = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return remote == null ? "" : remote.toString();
  }
}
