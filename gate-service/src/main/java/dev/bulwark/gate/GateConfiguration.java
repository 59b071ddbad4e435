package dev.bulwark.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.common.grpc.GrpcServerFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import dev.bulwark.gate.db.H2Files;

/**
 * The gate's YAML configuration: the {@code grpc:} block and the {@code database:} block
 * (Dropwizard's DataSourceFactory: an H2 file under $BULWARK_HOME when the url is "default",
 * PostgreSQL or anything JDBC by configuration).
 */
public class GateConfiguration extends Configuration {
  @Valid
  @NotNull
  private GrpcServerFactory grpc = new GrpcServerFactory();

  @Valid
  @NotNull
  private DataSourceFactory database = new DataSourceFactory();

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
