package dev.bulwark.cas.s3;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the SDK's S3 client from {@link S3Settings}. */
final class S3Clients {
  private S3Clients() {}

  static S3Client create(S3Settings s) {
    var builder = S3Client.builder()
        .region(Region.of(s.region()))
        .credentialsProvider(credentials(s))
        .forcePathStyle(s.pathStyle())
        .httpClientBuilder(Apache5HttpClient.builder().maxConnections(s.maxConnections()))
        // S3-compatible servers (MinIO, Ceph, older gateways) do not all speak the SDK's default
        // CRC checksums; our own SHA-256 check covers integrity end to end.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (!s.endpoint().isEmpty()) {
      builder.endpointOverride(URI.create(s.endpoint()));
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Settings s) {
    if (!s.accessKeyId().isEmpty()) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
