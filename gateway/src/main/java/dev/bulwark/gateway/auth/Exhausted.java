package dev.bulwark.gateway.auth;

import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** RESOURCE_EXHAUSTED with a {@code google.rpc.RetryInfo} detail saying when to come back. */
final class Exhausted {
  private Exhausted() {}

  static StatusRuntimeException retryAfter(String message, java.time.Duration wait) {
    long millis = Math.max(1, wait.toMillis());
    var status = com.google.rpc.Status.newBuilder().setCode(Code.RESOURCE_EXHAUSTED_VALUE)
        .setMessage(message + "; retry in " + millis + " ms")
        .addDetails(com.google.protobuf.Any.pack(RetryInfo.newBuilder().setRetryDelay(Duration.newBuilder()
            .setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000)).build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }
}
