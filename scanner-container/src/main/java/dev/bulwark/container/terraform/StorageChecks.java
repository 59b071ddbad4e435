package dev.bulwark.container.terraform;

import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** S3 buckets and RDS instances: public access, encryption at rest, access logging. */
public final class StorageChecks extends TerraformChecks {
  static final CheckSpec S3_PUBLIC_ACL = new CheckSpec("AVD-AWS-0092", "S3 bucket has a public ACL", Severity.HIGH,
      "A public-read or public-read-write ACL lets anyone on the internet list and read (or write) the bucket.",
      "Use the 'private' ACL and grant access through bucket policies for named principals.");
  static final CheckSpec S3_ENCRYPTION = new CheckSpec("AVD-AWS-0088", "S3 bucket is not encrypted", Severity.HIGH,
      "Without server-side encryption configured, objects are not protected at rest by a key you control.",
      "Add server_side_encryption_configuration (or an aws_s3_bucket_server_side_encryption_configuration resource).");
  static final CheckSpec S3_LOGGING = new CheckSpec("AVD-AWS-0089", "S3 bucket has no access logging", Severity.MEDIUM,
      "Without access logs, reads and writes of the bucket cannot be audited after an incident.",
      "Add a logging block (or an aws_s3_bucket_logging resource) with a target bucket.");
  static final CheckSpec RDS_PUBLIC = new CheckSpec("AVD-AWS-0180", "RDS instance is publicly accessible",
      Severity.HIGH, "A publicly accessible database gets a public address: its login is exposed to the internet.",
      "Set publicly_accessible = false and reach the database from inside the VPC.");
  static final CheckSpec RDS_ENCRYPTION = new CheckSpec("AVD-AWS-0080", "RDS instance storage is not encrypted",
      Severity.HIGH, "Unencrypted database storage, snapshots and backups can be read by anyone who gets a copy.",
      "Set storage_encrypted = true (and a kms_key_id).");
  private static final Set<String> PUBLIC_ACLS = Set.of("public-read", "public-read-write", "authenticated-read");

  @Override
  public String name() {
    return "terraform-storage";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(S3_PUBLIC_ACL, S3_ENCRYPTION, S3_LOGGING, RDS_PUBLIC, RDS_ENCRYPTION);
  }

  @Override
  public List<CheckSpec.Hit> check(TerraformModule m) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (var bucket : m.resources("aws_s3_bucket")) {
      bucket.body().literal("acl").filter(PUBLIC_ACLS::contains).ifPresent(acl ->
          hits.add(hit(S3_PUBLIC_ACL, m, lineOf(bucket, "acl"), bucket.address() + " has the ACL '" + acl + "'")));
      boolean encrypted = !bucket.body().blocks("server_side_encryption_configuration").isEmpty()
          || m.moduleResources("aws_s3_bucket_server_side_encryption_configuration").stream()
              .anyMatch(r -> TerraformModule.refersTo(r.body().value("bucket"), bucket));
      if (!encrypted) {
        hits.add(hit(S3_ENCRYPTION, m, bucket.line(), bucket.address() + " has no server-side encryption configuration"));
      }
      boolean logged = !bucket.body().blocks("logging").isEmpty() || m.moduleResources("aws_s3_bucket_logging").stream()
          .anyMatch(r -> TerraformModule.refersTo(r.body().value("bucket"), bucket));
      if (!logged) {
        hits.add(hit(S3_LOGGING, m, bucket.line(), bucket.address() + " has no access logging"));
      }
    }
    for (var acl : m.resources("aws_s3_bucket_acl")) {
      acl.body().literal("acl").filter(PUBLIC_ACLS::contains).ifPresent(a ->
          hits.add(hit(S3_PUBLIC_ACL, m, lineOf(acl, "acl"), acl.address() + " sets the ACL '" + a + "'")));
    }
    for (String type : List.of("aws_db_instance", "aws_rds_cluster_instance")) {
      for (var db : m.resources(type)) {
        if (isTrue(db.body().literal("publicly_accessible"))) {
          hits.add(hit(RDS_PUBLIC, m, lineOf(db, "publicly_accessible"), db.address() + " sets publicly_accessible = true"));
        }
      }
    }
    for (String type : List.of("aws_db_instance", "aws_rds_cluster")) {
      for (var db : m.resources(type)) {
        // Replicas inherit encryption from their source.
        if (db.body().attribute("replicate_source_db").isEmpty() && !isTrue(db.body().literal("storage_encrypted"))) {
          hits.add(hit(RDS_ENCRYPTION, m, lineOf(db, "storage_encrypted"), db.address()
              + (db.body().attribute("storage_encrypted").isPresent() ? " sets storage_encrypted = false"
                  : " does not set storage_encrypted")));
        }
      }
    }
    return hits;
  }
}
