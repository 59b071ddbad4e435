package dev.bulwark.gateway.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.bulwark.common.cas.BlobAccess;
import dev.bulwark.gateway.auth.Limits;
import dev.bulwark.gateway.auth.ScanAdmission;
import dev.bulwark.gateway.auth.ScanOwners;
import dev.bulwark.gateway.core.ManifestValidator;
import dev.bulwark.v1.StartScanRequest;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;

/**
 * What a caller's bytes reach at the gateway before any scanner: the StartScan message as the
 * wire decodes it, the per-caller admission (caps, blob proofs) and the manifest validation. Bad
 * input may only be refused with a status or an IllegalArgumentException (INVALID_ARGUMENT).
 */
class GatewayRequestsFuzzTest {
  static final ScanAdmission ADMISSION = new ScanAdmission(Limits.defaults(), BlobAccess.OPEN,
      new ScanOwners(id -> Optional.empty()));

  @FuzzTest(maxDuration = "60s")
  void startScan(FuzzedDataProvider data) {
    StartScanRequest request;
    try {
      request = StartScanRequest.parseFrom(data.consumeRemainingAsBytes());
    } catch (InvalidProtocolBufferException refused) {
      return;
    }
    try {
      ADMISSION.admit(request).release();
      ManifestValidator.validate(request, digests -> List.of());
    } catch (StatusRuntimeException | IllegalArgumentException refused) {
      // a precise refusal: fine
    }
  }
}
