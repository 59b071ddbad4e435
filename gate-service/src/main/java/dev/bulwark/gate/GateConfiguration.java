package dev.bulwark.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.gate.auth.OidcSettings;
import dev.bulwark.server.auth.oidc.OidcIssuer;
import dev.bulwark.server.grpc.GrpcServerFactory;
import java.util.ArrayList;
import java.util.List;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import dev.bulwark.gate.audit.AuditSink;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.advisories.intel.ExploitIntel;
import dev.bulwark.advisories.intel.IntelSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The gate's YAML configuration: the {@code grpc:} block, the {@code database:} block
 * (Dropwizard's DataSourceFactory: an H2 file under $BULWARK_HOME when the url is "default",
 * PostgreSQL or anything JDBC by configuration), the exploit-intel feeds ({@code kevFile},
 * {@code epssFile}) and the audit feed ({@code auditFile}, {@code auditWebhook}).
 */
public class GateConfiguration extends Configuration {
  @Valid
  @NotNull
  private GrpcServerFactory grpc = new GrpcServerFactory();

  /**
   * A folder where the gate keeps a bootstrap admin token ({@code admin-token}, mode 0600, every
   * project): created at start when missing or no longer valid. Empty: none (tokens are then
   * issued with an existing admin token only).
   */
  private String adminTokenDir = "";

  /** OIDC issuers whose ID tokens (CI jobs) are accepted, with their claim rules. */
  @Valid
  @NotNull
  private List<OidcSettings> oidc = new ArrayList<>();

  @Valid
  @NotNull
  private DataSourceFactory database = new DataSourceFactory();

  /** CISA KEV feed (JSON or CSV), a file path; empty for none. */
  private String kevFile = "";
  /** FIRST EPSS feed (CSV), a file path; empty for none. */
  private String epssFile = "";
  /** Audit feed: a JSON-lines file to append each decision to; empty for none. */
  private String auditFile = "";
  /** Audit feed: a URL each decision is POSTed to; empty for none. */
  private String auditWebhook = "";

  /** The exploit intel of {@code kevFile} and {@code epssFile} (empty parts when not set or unreadable). */
  public ExploitIntel exploitIntel() {
    return ExploitIntel.load(source(kevFile), source(epssFile));
  }

  private static Optional<IntelSource> source(String file) {
    return file == null || file.isBlank() ? Optional.empty() : Optional.of(IntelSource.file(Path.of(file.strip())));
  }

  /** The audit feed of {@code auditFile} and {@code auditWebhook}. */
  public AuditSink auditSink() {
    return AuditSink.configured(auditFile, auditWebhook);
  }

  @JsonProperty
  public String getKevFile() {
    return kevFile;
  }

  @JsonProperty
  public void setKevFile(String kevFile) {
    this.kevFile = kevFile;
  }

  @JsonProperty
  public String getEpssFile() {
    return epssFile;
  }

  @JsonProperty
  public void setEpssFile(String epssFile) {
    this.epssFile = epssFile;
  }

  @JsonProperty
  public String getAuditFile() {
    return auditFile;
  }

  @JsonProperty
  public void setAuditFile(String auditFile) {
    this.auditFile = auditFile;
  }

  @JsonProperty
  public String getAuditWebhook() {
    return auditWebhook;
  }

  @JsonProperty
  public void setAuditWebhook(String auditWebhook) {
    this.auditWebhook = auditWebhook;
  }

  @JsonProperty
  public String getAdminTokenDir() {
    return adminTokenDir;
  }

  @JsonProperty
  public void setAdminTokenDir(String adminTokenDir) {
    this.adminTokenDir = adminTokenDir;
  }

  @JsonProperty
  public List<OidcSettings> getOidc() {
    return oidc;
  }

  @JsonProperty
  public void setOidc(List<OidcSettings> oidc) {
    this.oidc = oidc;
  }

  /** The configured issuers (IllegalArgumentException naming what is wrong with one). */
  public List<OidcIssuer> oidcIssuers() {
    return oidc == null ? List.of() : oidc.stream().map(OidcSettings::toIssuer).toList();
  }

  @JsonProperty
  public GrpcServerFactory getGrpc() {
    return grpc;
  }

  @JsonProperty
  public void setGrpc(GrpcServerFactory grpc) {
    this.grpc = grpc;
  }

  /**
   * Bulwark's home folder: {@code $BULWARK_HOME}, else {@code ~/.bulwark}. The default H2
   * database lives in its {@code gate} folder.
   */
  public static Path bulwarkHome() {
    String env = System.getenv("BULWARK_HOME");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".bulwark");
  }

  /**
   * The database settings with defaults filled in: url {@code default} (or empty) becomes the H2
   * file under {@link #bulwarkHome()}, driverClass {@code auto} (or empty) is picked from the url.
   */
  public DataSourceFactory databaseWithDefaults() {
    String url = database.getUrl();
    if (url == null || url.isBlank() || url.equals("default")) {
      database.setUrl(H2Files.url(bulwarkHome().resolve("gate")));
    }
    String driver = database.getDriverClass();
    if (driver == null || driver.isBlank() || driver.equals("auto")) {
      if (database.getUrl().startsWith("jdbc:h2:")) {
        database.setDriverClass("org.h2.Driver");
      } else if (database.getUrl().startsWith("jdbc:postgresql:")) {
        database.setDriverClass("org.postgresql.Driver");
      } else {
        throw new IllegalArgumentException("database.driverClass is 'auto' but the url " + database.getUrl()
            + " is neither H2 nor PostgreSQL: set database.driverClass (BULWARK_DB_DRIVER)");
      }
    }
    return database;
  }

  @JsonProperty
  public DataSourceFactory getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
  }
}
