package dev.bulwark.server.auth;

import static dev.bulwark.server.auth.Access.anyRole;
import static dev.bulwark.server.auth.Access.authenticated;
import static dev.bulwark.server.auth.Access.ownResource;
import static dev.bulwark.server.auth.Access.peers;
import static dev.bulwark.server.auth.Access.project;
import static dev.bulwark.server.auth.Access.projectOrAll;
import static dev.bulwark.server.auth.Access.resource;
import static dev.bulwark.server.auth.Access.role;
import static dev.bulwark.server.auth.Role.ADMIN;
import static dev.bulwark.server.auth.Role.OVERRIDE;
import static dev.bulwark.server.auth.Role.POLICY_ADMIN;
import static dev.bulwark.server.auth.Role.READ;
import static dev.bulwark.server.auth.Role.SCAN;
import static dev.bulwark.server.auth.Role.TRIAGE;

import dev.bulwark.server.auth.ResourceOwners.Kind;
import dev.bulwark.v1.AddSuppressionRequest;
import dev.bulwark.v1.AuthGrpc;
import dev.bulwark.v1.ContentStoreGrpc;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.GatewayGrpc;
import dev.bulwark.v1.GetProjectPolicyRequest;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.ListSuppressionsRequest;
import dev.bulwark.v1.OverrideDecisionRequest;
import dev.bulwark.v1.RemoveSuppressionRequest;
import dev.bulwark.v1.RevokeTokenRequest;
import dev.bulwark.v1.ScannerGrpc;
import dev.bulwark.v1.SetProjectPolicyRequest;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.WatchScanRequest;
import io.grpc.MethodDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * <b>Who may call what: every RPC of every Bulwark service, and what it requires.</b> The one
 * table {@link AuthInterceptor} enforces on every server. A method missing here is refused to
 * everyone. Roles grant the roles they include ({@link Role}); projects come from the request
 * or from the resource it names. Services (gateway, scanners) prove who they are by their TLS
 * client certificate.
 */
public final class AccessRules {
  private static final Map<String, Access> RULES = new LinkedHashMap<>();

  static {
    // Gateway: pipelines and platforms scan.
    rule(GatewayGrpc.getStartScanMethod(), role(SCAN, project((StartScanRequest q) -> q.getContext().getProject())));
    rule(GatewayGrpc.getWatchScanMethod(), anyRole(ownResource(Kind.SCAN, WatchScanRequest::getScanId, SCAN), SCAN, READ));
    rule(GatewayGrpc.getGetScanMethod(), anyRole(ownResource(Kind.SCAN, GetScanRequest::getScanId, SCAN), SCAN, READ));
    // Content store (on the gateway): uploads by scanning callers, reads by scanners only.
    rule(ContentStoreGrpc.getFindMissingBlobsMethod(), role(SCAN));
    rule(ContentStoreGrpc.getUploadBlobsMethod(), role(SCAN));
    rule(ContentStoreGrpc.getReadBlobsMethod(), peers("scanner-sast", "scanner-sca", "scanner-container"));
    // Scanners: only the gateway fans out to them.
    rule(ScannerGrpc.getDescribeMethod(), peers("gateway"));
    rule(ScannerGrpc.getScanMethod(), peers("gateway"));
    // Gate: decisions from the gateway; people and platforms read, triage, set policy, override.
    rule(GateGrpc.getEvaluateMethod(), peers("gateway"));
    rule(GateGrpc.getListDecisionsMethod(), role(READ, projectOrAll(ListDecisionsRequest::getProject)));
    rule(GateGrpc.getListSuppressionsMethod(), role(READ, project(ListSuppressionsRequest::getProject)));
    rule(GateGrpc.getAddSuppressionMethod(), role(TRIAGE, project((AddSuppressionRequest q) -> q.getSuppression().getProject())));
    rule(GateGrpc.getRemoveSuppressionMethod(), role(TRIAGE, resource(Kind.SUPPRESSION, RemoveSuppressionRequest::getId)));
    rule(GateGrpc.getGetProjectPolicyMethod(), role(READ, project(GetProjectPolicyRequest::getProject)));
    rule(GateGrpc.getSetProjectPolicyMethod(), role(POLICY_ADMIN, project(SetProjectPolicyRequest::getProject)));
    rule(GateGrpc.getOverrideDecisionMethod(), role(OVERRIDE, resource(Kind.DECISION, OverrideDecisionRequest::getScanId)));
    // Auth (on the gate): tokens. The service keeps an admin within its own projects and roles.
    rule(AuthGrpc.getWhoAmIMethod(), authenticated());
    rule(AuthGrpc.getCreateTokenMethod(), role(ADMIN));
    rule(AuthGrpc.getListTokensMethod(), role(ADMIN));
    rule(AuthGrpc.getRevokeTokenMethod(), role(ADMIN, resource(Kind.TOKEN, RevokeTokenRequest::getId)));
  }

  private AccessRules() {}

  private static void rule(MethodDescriptor<?, ?> method, Access access) {
    if (RULES.put(method.getFullMethodName(), access) != null) {
      throw new IllegalStateException("two access rules for " + method.getFullMethodName());
    }
  }

  /** The rule of a method ("bulwark.v1.Gate/OverrideDecision"), empty for one not in the table. */
  public static Optional<Access> of(String fullMethodName) {
    return Optional.ofNullable(RULES.get(fullMethodName));
  }

  /** Every rule, in table order (for documentation and tests). */
  public static Map<String, Access> all() {
    return java.util.Collections.unmodifiableMap(RULES);
  }
}
