package dev.bulwark.advisories.advisory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One OSV advisory record (https://ossf.github.io/osv-schema/), with the fields Bulwark uses.
 * Unknown fields are ignored; absent lists read as empty.
 */
// isWithdrawn() is derived, not a field: it must never be written back as "withdrawn": true/false
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OsvRecord(String id, String modified, String published, String withdrawn,
    List<String> aliases, List<String> related, String summary, String details,
    List<Severity> severity, List<Affected> affected, List<Reference> references,
    @JsonProperty("database_specific") Map<String, Object> databaseSpecific) {

  public OsvRecord {
    Objects.requireNonNull(id, "OSV record without an id");
    aliases = aliases == null ? List.of() : aliases;
    related = related == null ? List.of() : related;
    severity = severity == null ? List.of() : severity;
    affected = affected == null ? List.of() : affected;
    references = references == null ? List.of() : references;
    databaseSpecific = databaseSpecific == null ? Map.of() : databaseSpecific;
  }

  public boolean isWithdrawn() {
    return withdrawn != null && !withdrawn.isBlank();
  }

  /** A CVSS or other severity statement: type "CVSS_V3", "CVSS_V4", ...; score the vector. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Severity(String type, String score) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Reference(String type, String url) {}

  /** Which package it affects: ecosystem (e.g. "PyPI", "Debian:12"), name, optional purl. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Package(String ecosystem, String name, String purl) {}

  /** One affected package with its ranges and/or explicit versions. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Affected(@JsonProperty("package") Package pkg, List<Severity> severity,
      List<Range> ranges, List<String> versions,
      @JsonProperty("database_specific") Map<String, Object> databaseSpecific) {
    public Affected {
      severity = severity == null ? List.of() : severity;
      ranges = ranges == null ? List.of() : ranges;
      versions = versions == null ? List.of() : versions;
      databaseSpecific = databaseSpecific == null ? Map.of() : databaseSpecific;
    }
  }

  /** A range: type "ECOSYSTEM", "SEMVER" or "GIT", and its events. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Range(String type, String repo, List<Event> events) {
    public Range {
      events = events == null ? List.of() : events;
    }
  }

  /** Exactly one of the four fields is set. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Event(String introduced, String fixed,
      @JsonProperty("last_affected") String lastAffected, String limit) {

    /** "introduced", "fixed", "last_affected" or "limit". */
    public String kind() {
      return introduced != null ? "introduced" : fixed != null ? "fixed"
          : lastAffected != null ? "last_affected" : "limit";
    }

    public String version() {
      return introduced != null ? introduced : fixed != null ? fixed
          : lastAffected != null ? lastAffected : limit;
    }
  }
}
