package dev.bulwark.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.cas.BlobAccess;
import dev.bulwark.server.auth.AuthContext;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.server.auth.Role;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.StartScanRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class ScanAdmissionTest {
  final ScanAdmission admission = new ScanAdmission(Limits.defaults().withConcurrentScans(2), BlobAccess.OPEN,
      new ScanOwners(id -> Optional.empty()));
  final StartScanRequest request = StartScanRequest.newBuilder()
      .setContext(ScanContext.newBuilder().setProject("acme/shop")).build();

  static Principal caller(String name) {
    return new Principal("token:" + name, name, Principal.Kind.TOKEN, Set.of("acme/shop"), Set.of(Role.SCAN),
        Optional.empty());
  }

  <T> T as(Principal p, Callable<T> body) throws Exception {
    return AuthContext.with(p).call(body);
  }

  @Test
  void aCredentialRunsAtMostItsConcurrentScansAndGetsASlotBackWhenOneEnds() throws Exception {
    var first = as(caller("a"), () -> admission.admit(request));
    as(caller("a"), () -> admission.admit(request));
    assertThatThrownBy(() -> as(caller("a"), () -> admission.admit(request)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
          assertThat(e.getStatus().getDescription()).contains("limits.concurrentScans").contains("retry in");
        });
    assertThat(as(caller("b"), () -> admission.admit(request))).as("another credential is unaffected").isNotNull();
    first.release();
    assertThat(as(caller("a"), () -> admission.admit(request))).isNotNull();
  }
}
