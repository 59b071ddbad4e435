package dev.bulwark.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bulwark.common.cas.Digests;
import dev.bulwark.gateway.testing.FakeEngines.KeywordEngine;
import dev.bulwark.gateway.testing.GatewayFixture;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.WatchScanRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("StartScan rejects bad requests before any scanner runs")
class StartScanValidationTest {
  @TempDir
  static Path tmp;
  static GatewayFixture fx;
  static Manifest uploaded;

  @BeforeAll
  static void start() throws Exception {
    fx = new GatewayFixture(tmp.resolve("work"), new GatewayFixture.Spec()
        .scanner("sast", new KeywordEngine("sast", "TODO", Severity.LOW))
        .scanner("sca", new KeywordEngine("sca", "x", Severity.LOW))
        .scanner("container", new KeywordEngine("container", "x", Severity.LOW)));
    Path tree = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(tree.resolve("ok.txt"), "fine");
    uploaded = fx.upload(tree);
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  static Status.Code codeOf(Runnable call) {
    return catchThrowableOfType(StatusRuntimeException.class, call::run).getStatus().getCode();
  }

  static StatusRuntimeException errorOf(Manifest manifest) {
    return catchThrowableOfType(StatusRuntimeException.class,
        () -> fx.gateway().startScan(GatewayFixture.request(manifest, 30)));
  }

  static Manifest withPath(String path) {
    return uploaded.toBuilder().addFiles(uploaded.getFiles(0).toBuilder().setPath(path)).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "../outside", "a/../../b", "a//b", "./a", "a/", "win\\path", ""})
  void aPathThatIsNotCleanAndRelativeIsInvalidArgumentNamingIt(String path) {
    var e = errorOf(withPath(path));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains(path.isEmpty() ? "empty path" : path);
  }

  @Test
  void aDuplicatePathIsInvalidArgument() {
    var e = errorOf(withPath("ok.txt"));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("duplicate path").contains("ok.txt");
  }

  @Test
  void blobsTheStoreLacksAreFailedPreconditionListingTheirDigests() {
    var absent = Digests.of("never uploaded".getBytes(StandardCharsets.UTF_8));
    var manifest = uploaded.toBuilder()
        .addFiles(FileEntry.newBuilder().setPath("new.txt").setDigest(absent)).build();
    var e = errorOf(manifest);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(e.getStatus().getDescription()).contains(absent.getHash())
        .doesNotContain(uploaded.getFiles(0).getDigest().getHash());
  }

  @Test
  void aMalformedDigestIsInvalidArgumentNamingTheFile() {
    var manifest = Manifest.newBuilder().addFiles(FileEntry.newBuilder().setPath("x.txt")
        .setDigest(uploaded.getFiles(0).getDigest().toBuilder().setHash("XYZ"))).build();
    var e = errorOf(manifest);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("x.txt");
  }

  @Test
  void aRequestWithoutProjectIsInvalidArgument() {
    var request = GatewayFixture.request(uploaded, 30).toBuilder().setContext(ScanContext.newBuilder().setBranch("main"))
        .build();
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> fx.gateway().startScan(request));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("project");
  }

  @Test
  void unknownScanIdsAreNotFound() {
    assertThat(codeOf(() -> fx.gateway().getScan(GetScanRequest.newBuilder().setScanId("nope").build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(codeOf(() -> fx.gateway().watchScan(WatchScanRequest.newBuilder().setScanId("nope").build())
        .hasNext())).isEqualTo(Status.Code.NOT_FOUND);
  }
}
