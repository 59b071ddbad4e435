package dev.bulwark.common.grpc;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Netty event loops a short-lived process owns, so that it can stop them before it exits.
 *
 * <p>gRPC's default event loops are shared resources released a second after their last channel
 * or server closes. A CLI that exits sooner leaves their threads waiting in {@code epoll_wait},
 * that is in native code, and at exit the JVM waits up to 300 ms for threads in native code to
 * stop ({@code VM_Exit::wait_for_threads_in_native_to_block}): a fifth of an empty scan. A process
 * that calls {@link #own()} first gets one group of its own for every channel ({@link Channels})
 * and server ({@code ManagedGrpcServer}) it makes, and {@link #shutdown()} stops it before exit.
 * Services do not call it and keep gRPC's defaults.
 */
public final class EventLoops {
  private static volatile boolean owned;
  /** Made by the first channel or server, so that a command without gRPC pays nothing. */
  private static EventLoopGroup group;

  private EventLoops() {}

  /** From now on, channels and servers of this process use this process's own event loops. */
  public static void own() {
    owned = true;
  }

  /** Whether {@link #own()} was called (and {@link #shutdown()} not yet). */
  public static boolean owned() {
    return owned;
  }

  private static synchronized EventLoopGroup group() {
    if (group == null) {
      group = new MultiThreadIoEventLoopGroup(2 * Runtime.getRuntime().availableProcessors(),
          new DefaultThreadFactory("bulwark-grpc", true), NioIoHandler.newFactory());
    }
    return group;
  }

  /** The channel on this process's loops when it owns them; as gRPC would otherwise. */
  static NettyChannelBuilder apply(NettyChannelBuilder builder) {
    return owned ? builder.eventLoopGroup(group()).channelType(NioSocketChannel.class) : builder;
  }

  /** The server on this process's loops when it owns them; as gRPC would otherwise. */
  public static NettyServerBuilder apply(NettyServerBuilder builder) {
    if (!owned) {
      return builder;
    }
    var g = group();
    return builder.bossEventLoopGroup(g).workerEventLoopGroup(g).channelType(NioServerSocketChannel.class);
  }

  /**
   * Stops this process's loops at once (no quiet period) and waits a moment for their threads to
   * end: call it when every channel and server is closed, just before the process exits.
   */
  public static synchronized void shutdown() {
    owned = false;
    var g = group;
    group = null;
    if (g != null) {
      g.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(1, TimeUnit.SECONDS);
    }
  }
}
