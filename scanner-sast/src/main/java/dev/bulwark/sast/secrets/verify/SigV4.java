package dev.bulwark.sast.secrets.verify;

import dev.bulwark.common.cas.Digests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for one form-encoded POST (what STS GetCallerIdentity needs), after the
 * AWS General Reference "Create a signed AWS API request". Tests re-sign on the fake server side.
 */
public final class SigV4 {
  public static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private SigV4() {}

  /** The headers to send: {@code x-amz-date} and {@code Authorization}. */
  public record Signed(String amzDate, String authorization) {}

  public static Signed sign(URI uri, String body, String keyId, String secret, String region, String service,
      Instant now) {
    String amzDate = AMZ_DATE.format(now);
    String date = amzDate.substring(0, 8);
    String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    String signedHeaders = "content-type;host;x-amz-date";
    String canonical = "POST\n" + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + "\n\ncontent-type:" + CONTENT_TYPE + "\nhost:" + host + "\nx-amz-date:" + amzDate + "\n\n"
        + signedHeaders + "\n" + Digests.sha256Hex(body);
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + Digests.sha256Hex(canonical);
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String signature = HexFormat.of().formatHex(hmac(key, toSign));
    return new Signed(amzDate, "AWS4-HMAC-SHA256 Credential=" + keyId + "/" + scope + ", SignedHeaders="
        + signedHeaders + ", Signature=" + signature);
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
