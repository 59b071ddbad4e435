package dev.bulwark.container.terraform;

import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.v1.Severity;
import java.util.ArrayList;
import java.util.List;

/** CloudTrail trails that do not log, miss regions, or whose log files can be altered unnoticed. */
public final class CloudTrailChecks extends TerraformChecks {
  static final CheckSpec ALL_REGIONS = new CheckSpec("AVD-AWS-0014", "CloudTrail does not cover all regions",
      Severity.MEDIUM, "Activity in regions the trail does not cover goes unrecorded.", "Set is_multi_region_trail = true.");
  static final CheckSpec LOG_VALIDATION = new CheckSpec("AVD-AWS-0016", "CloudTrail log file validation disabled",
      Severity.HIGH, "Without log file validation, tampering with delivered logs cannot be detected.",
      "Set enable_log_file_validation = true.");
  static final CheckSpec LOGGING_OFF = new CheckSpec("bulwark.terraform.cloudtrail-logging-disabled",
      "CloudTrail logging is turned off", Severity.HIGH, "A trail with enable_logging = false records nothing.",
      "Remove enable_logging = false (it defaults to true).");

  @Override
  public String name() {
    return "terraform-cloudtrail";
  }

  @Override
  public List<CheckSpec> checks() {
    return List.of(ALL_REGIONS, LOG_VALIDATION, LOGGING_OFF);
  }

  @Override
  public List<CheckSpec.Hit> check(TerraformModule m) {
    var hits = new ArrayList<CheckSpec.Hit>();
    for (var trail : m.resources("aws_cloudtrail")) {
      var body = trail.body();
      if (!isTrue(body.literal("is_multi_region_trail"))) {
        hits.add(hit(ALL_REGIONS, m, lineOf(trail, "is_multi_region_trail"), trail.address() + " is single-region"));
      }
      if (!isTrue(body.literal("enable_log_file_validation"))) {
        hits.add(hit(LOG_VALIDATION, m, lineOf(trail, "enable_log_file_validation"),
            trail.address() + " does not enable log file validation"));
      }
      if (body.literal("enable_logging").map("false"::equalsIgnoreCase).orElse(false)) {
        hits.add(hit(LOGGING_OFF, m, lineOf(trail, "enable_logging"), trail.address() + " sets enable_logging = false"));
      }
    }
    return hits;
  }
}
