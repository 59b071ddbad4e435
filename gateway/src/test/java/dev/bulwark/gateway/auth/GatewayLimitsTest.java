package dev.bulwark.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.RetryInfo;
import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.gateway.testing.SecureCluster;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.GatewayGrpc;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.StartScanRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Per-credential limits: rate, concurrent scans and caps, each naming its setting")
class GatewayLimitsTest {
  static final int RATE = 5;
  @TempDir
  static Path work;
  static SecureCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    var limits = Limits.defaults().withCallsPerSecond(RATE).withConcurrentScans(1)
        .withCaps(1000, 3, 2500, Duration.ofMinutes(5));
    cluster = new SecureCluster(work, limits);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static String token(String name) {
    return cluster.token(name, Set.of("acme/" + name), Set.of("scan"), "");
  }

  /** Calls FindMissingBlobs n times; counts the RESOURCE_EXHAUSTED answers, keeping the first. */
  static Callable<List<StatusRuntimeException>> burst(ManagedChannel channel, int n, CountDownLatch go) {
    return () -> {
      go.await();
      var refused = new ArrayList<StatusRuntimeException>();
      var client = new ContentStoreClient(channel);
      for (int i = 0; i < n; i++) {
        try {
          client.findMissing(List.of(Digests.of(new byte[] {(byte) i})));
        } catch (StatusRuntimeException e) {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
          refused.add(e);
        }
      }
      return refused;
    };
  }

  @Test
  @DisplayName("a client over its rate gets RESOURCE_EXHAUSTED with a retry hint while another, concurrently, is served")
  void aBusyClientDoesNotStarveAnother() throws Exception {
    var busy = cluster.client(token("busy"));
    var calm = cluster.client(token("calm"));
    var pool = Executors.newFixedThreadPool(2);
    try {
      var go = new CountDownLatch(1);
      Future<List<StatusRuntimeException>> busyRun = pool.submit(burst(busy, RATE * 6, go));
      Future<List<StatusRuntimeException>> calmRun = pool.submit(() -> {
        var result = new ArrayList<StatusRuntimeException>();
        go.await();
        for (int i = 0; i < RATE - 1; i++) { // within its own rate, spread over the busy client's burst
          result.addAll(burst(calm, 1, new CountDownLatch(0)).call());
          Thread.sleep(30);
        }
        return result;
      });
      go.countDown();
      var busyRefused = busyRun.get(30, TimeUnit.SECONDS);
      assertThat(calmRun.get(30, TimeUnit.SECONDS)).as("the calm client is never refused").isEmpty();
      assertThat(busyRefused).as("the busy client is refused past its rate").isNotEmpty();
      var first = busyRefused.get(0);
      assertThat(first.getStatus().getDescription()).contains("limits.callsPerSecond").contains(String.valueOf(RATE));
      var details = StatusProto.fromThrowable(first);
      assertThat(details).isNotNull();
      var retry = details.getDetailsList().stream().filter(a -> a.is(RetryInfo.class)).findFirst().orElseThrow()
          .unpack(RetryInfo.class);
      assertThat(retry.getRetryDelay().getSeconds() * 1000 + retry.getRetryDelay().getNanos() / 1_000_000)
          .isBetween(1L, 1000L);
    } finally {
      pool.shutdownNow();
    }
  }

  static void assertRefused(Runnable call, Status.Code code, String... named) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).contains(named);
    });
  }

  static StartScanRequest scanOf(String project, Manifest manifest, int deadline) {
    return StartScanRequest.newBuilder().setContext(ScanContext.newBuilder().setProject(project))
        .setManifest(manifest).setDeadlineSeconds(deadline).build();
  }

  static FileEntry entry(int i, long size) {
    return FileEntry.newBuilder().setPath("f" + i).setDigest(Digest.newBuilder()
        .setHash(String.format("%064x", i)).setSizeBytes(size)).build();
  }

  @Test
  void capsNameTheirSettings() throws Exception {
    var channel = cluster.client(token("caps"));
    var gateway = GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    Path big = Files.write(work.resolve("big.bin"), new byte[1001]);
    assertThatThrownBy(() -> new ContentStoreClient(channel).upload(Map.of(Digests.of(big), big)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains("limits.maxBlobBytes").contains("1000");
        });
    var four = Manifest.newBuilder();
    for (int i = 1; i <= 4; i++) {
      four.addFiles(entry(i, 10));
    }
    assertRefused(() -> gateway.startScan(scanOf("acme/caps", four.build(), 0)), Status.Code.INVALID_ARGUMENT,
        "limits.maxManifestEntries", "4");
    var heavy = Manifest.newBuilder().addFiles(entry(1, 1000)).addFiles(entry(2, 1000)).addFiles(entry(3, 1000));
    assertRefused(() -> gateway.startScan(scanOf("acme/caps", heavy.build(), 0)), Status.Code.INVALID_ARGUMENT,
        "limits.maxScanBytes", "3000");
    assertRefused(() -> gateway.startScan(scanOf("acme/caps", Manifest.getDefaultInstance(), 400)),
        Status.Code.INVALID_ARGUMENT, "limits.maxScanDuration", "300");
  }
}
