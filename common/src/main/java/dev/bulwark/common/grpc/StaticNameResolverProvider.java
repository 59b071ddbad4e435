package dev.bulwark.common.grpc;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Resolves {@code static:///host1:port1,host2:port2} to a fixed list of addresses, so that a
 * local set-up can balance over several scanner replicas without DNS.
 */
final class StaticNameResolverProvider extends NameResolverProvider {
  static final String SCHEME = "static";

  @Override
  protected boolean isAvailable() {
    return true;
  }

  @Override
  protected int priority() {
    return 5;
  }

  @Override
  public String getDefaultScheme() {
    return SCHEME;
  }

  @Override
  public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
    return List.of(InetSocketAddress.class);
  }

  @Override
  public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
    if (!SCHEME.equals(targetUri.getScheme())) {
      return null;
    }
    String path = targetUri.getPath();
    String list = path.startsWith("/") ? path.substring(1) : path;
    return new NameResolver() {
      @Override
      public String getServiceAuthority() {
        return list.split(",")[0];
      }

      @Override
      public void start(Listener2 listener) {
        var groups = new ArrayList<EquivalentAddressGroup>();
        for (String hostPort : list.split(",")) {
          try {
            groups.add(new EquivalentAddressGroup(parse(hostPort.strip())));
          } catch (IllegalArgumentException e) {
            listener.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
            return;
          }
        }
        listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
      }

      @Override
      public void shutdown() {}
    };
  }

  static InetSocketAddress parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException("not host:port: '" + hostPort + "'");
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + hostPort + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range in '" + hostPort + "'");
    }
    return new InetSocketAddress(host, port);
  }
}
