package dev.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.AuthGrpc;
import dev.bulwark.v1.ContentStoreGrpc;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.GatewayGrpc;
import dev.bulwark.v1.ScannerGrpc;
import io.grpc.ServiceDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The access table covers every RPC and grants what the roles say")
class AccessRulesTest {
  static final List<ServiceDescriptor> SERVICES = List.of(GatewayGrpc.getServiceDescriptor(),
      ContentStoreGrpc.getServiceDescriptor(), ScannerGrpc.getServiceDescriptor(), GateGrpc.getServiceDescriptor(),
      AuthGrpc.getServiceDescriptor());

  @Test
  void everyMethodOfEveryServiceHasExactlyOneRule() {
    var methods = SERVICES.stream().flatMap(s -> s.getMethods().stream()).map(m -> m.getFullMethodName()).toList();
    assertThat(methods).allSatisfy(m -> assertThat(AccessRules.of(m)).as(m).isPresent());
    assertThat(AccessRules.all().keySet()).containsExactlyInAnyOrderElementsOf(methods);
  }

  static Principal token(Set<Role> roles) {
    return new Principal("token:t", "t", Principal.Kind.TOKEN, Set.of("acme/shop"), roles, Optional.empty());
  }

  @Test
  void rolesGrantWhatTheyInclude() {
    assertThat(token(Set.of(Role.TRIAGE)).has(Role.READ)).isTrue();
    assertThat(token(Set.of(Role.SCAN)).has(Role.READ)).isFalse();
    assertThat(token(Set.of(Role.OVERRIDE)).has(Role.TRIAGE)).isFalse();
    assertThat(Stream.of(Role.values()).allMatch(token(Set.of(Role.ADMIN))::has)).isTrue();
  }

  @Test
  void onlyTheGatewayMayFanOutOrAskForDecisions() {
    var scan = AccessRules.of(ScannerGrpc.getScanMethod().getFullMethodName()).orElseThrow();
    assertThat(AuthInterceptor.mayCall(Principal.service("gateway"), scan)).isNull();
    assertThat(AuthInterceptor.mayCall(Principal.service("scanner-sca"), scan).getCode())
        .isEqualTo(io.grpc.Status.Code.PERMISSION_DENIED);
    assertThat(AuthInterceptor.mayCall(token(Set.of(Role.ADMIN)), scan).getCode())
        .isEqualTo(io.grpc.Status.Code.PERMISSION_DENIED);
    assertThat(AuthInterceptor.mayCall(null, scan).getCode()).isEqualTo(io.grpc.Status.Code.UNAUTHENTICATED);
    var override = AccessRules.of(GateGrpc.getOverrideDecisionMethod().getFullMethodName()).orElseThrow();
    assertThat(AuthInterceptor.mayCall(token(Set.of(Role.SCAN)), override).getCode())
        .isEqualTo(io.grpc.Status.Code.PERMISSION_DENIED);
    assertThat(AuthInterceptor.mayCall(token(Set.of(Role.OVERRIDE)), override)).isNull();
  }
}
