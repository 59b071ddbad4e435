package dev.bulwark.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.grpc.Refusal;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The interceptor over real in-process gRPC: a tiny service whose methods throw what each case
 * needs, wrapped exactly as {@link ManagedGrpcServer} wraps every service.
 */
@DisplayName("ExceptionMappingInterceptor: what a client sees when a service method throws")
class ExceptionMappingInterceptorTest {
  private static final MethodDescriptor.Marshaller<String> TEXT = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };
  private static final MethodDescriptor<String, String> UNARY = MethodDescriptor.<String, String>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("test.Throwing/Unary")
      .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();
  private static final MethodDescriptor<String, String> STREAM = MethodDescriptor.<String, String>newBuilder()
      .setType(MethodDescriptor.MethodType.SERVER_STREAMING).setFullMethodName("test.Throwing/Stream")
      .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();

  /** What the next call throws. */
  private volatile Supplier<RuntimeException> failure;
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    String name = InProcessServerBuilder.generateName();
    var service = ServerServiceDefinition.builder("test.Throwing")
        .addMethod(UNARY, ServerCalls.asyncUnaryCall((String req, io.grpc.stub.StreamObserver<String> out) -> {
          throw failure.get();
        }))
        .addMethod(STREAM, ServerCalls.asyncServerStreamingCall((String req, io.grpc.stub.StreamObserver<String> out) -> {
          out.onNext("first");
          throw failure.get();
        }))
        .build();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(service, new ExceptionMappingInterceptor())).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private Status unaryStatus(Supplier<RuntimeException> thrown) {
    failure = thrown;
    try {
      ClientCalls.blockingUnaryCall(channel, UNARY, CallOptions.DEFAULT, "go");
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
    throw new AssertionError("the call succeeded");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Refusal.Reason.class)
  @DisplayName("every refusal reason becomes its own status, with the refusal's message as the description")
  void refusals(Refusal.Reason reason) {
    var expected = switch (reason) {
      case INVALID -> Status.Code.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.Code.NOT_FOUND;
      case PRECONDITION -> Status.Code.FAILED_PRECONDITION;
      case DENIED -> Status.Code.PERMISSION_DENIED;
      case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
      case EXHAUSTED -> Status.Code.RESOURCE_EXHAUSTED;
    };
    var status = unaryStatus(() -> new Refusal(reason, "scan 'x' has no decision") {});
    assertThat(status.getCode()).isEqualTo(expected);
    assertThat(status.getDescription()).isEqualTo("scan 'x' has no decision");
  }

  @Test
  @DisplayName("the factories name the reason their method says")
  void factories() {
    assertThat(List.of(Refusal.invalid("a"), Refusal.notFound("b"), Refusal.precondition("c"), Refusal.denied("d"),
        Refusal.unauthenticated("e"), Refusal.exhausted("f")).stream().map(Refusal::reason).toList())
        .containsExactly(Refusal.Reason.values());
    assertThat(unaryStatus(() -> Refusal.notFound("no scan 'x'")).getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("IllegalArgumentException is INVALID_ARGUMENT with its message")
  void illegalArgument() {
    var status = unaryStatus(() -> new IllegalArgumentException("absolute path in manifest: /etc/passwd"));
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).isEqualTo("absolute path in manifest: /etc/passwd");
  }

  @Test
  @DisplayName("a status thrown by the service keeps its code and description")
  void statusPassesThrough() {
    var status = unaryStatus(() -> Status.ALREADY_EXISTS.withDescription("twice").asRuntimeException());
    assertThat(status.getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(status.getDescription()).isEqualTo("twice");
  }

  @Test
  @DisplayName("anything else is INTERNAL naming the method and the exception, never a stack trace")
  void unexpected() {
    var status = unaryStatus(() -> new IllegalStateException("pool closed"));
    assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getDescription())
        .isEqualTo("test.Throwing/Unary failed: java.lang.IllegalStateException: pool closed")
        .doesNotContain("\tat ");
  }

  @Test
  @DisplayName("a server-streaming call delivers what it sent before the refusal, then the refusal's status")
  void streaming() {
    failure = () -> Refusal.precondition("upload the missing blobs first");
    var received = new ArrayList<String>();
    var it = ClientCalls.blockingServerStreamingCall(channel, STREAM, CallOptions.DEFAULT, "go");
    assertThatThrownBy(() -> it.forEachRemaining(received::add))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).isEqualTo("upload the missing blobs first");
        });
    assertThat(received).containsExactly("first");
  }
}
