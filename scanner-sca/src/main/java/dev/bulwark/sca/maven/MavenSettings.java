package dev.bulwark.sca.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Maven resolution looks, in Maven's order: the scanned tree's own modules (always), the
 * local repository (read only: {@code BULWARK_MAVEN_LOCAL}, else {@code ~/.m2/repository}), the
 * cache of what Bulwark downloaded ({@code <home>/sca/maven}), and the remote repositories
 * (Maven Central unless told otherwise; the project's own {@code <repositories>} are added as Maven
 * adds them), reached through the mirrors and with the credentials of a settings.xml
 * ({@code BULWARK_MAVEN_SETTINGS}, else {@code ~/.m2/settings.xml}) or of
 * {@code BULWARK_MAVEN_MIRROR} / {@code BULWARK_MAVEN_USERNAME} / {@code BULWARK_MAVEN_PASSWORD}.
 * Offline, only the tree, the local repository and the cache are read.
 *
 * @param offline          never contact a remote repository
 * @param localRepository  the user's local repository, read only (empty when it does not exist)
 * @param cache            where downloaded POMs are kept between scans
 * @param remotes          remote repositories before mirroring (id → URL), Central first
 * @param mirrors          mirrors and server credentials
 * @param connectTimeout   per connection
 * @param requestTimeout   per request
 */
public record MavenSettings(boolean offline, Optional<Path> localRepository, Path cache, List<Remote> remotes,
    SettingsXml mirrors, Duration connectTimeout, Duration requestTimeout) {

  public static final Remote CENTRAL = new Remote("central", "https://repo.maven.apache.org/maven2");

  /** A remote repository as a POM or settings names it. */
  public record Remote(String id, String url) {}

  public MavenSettings {
    remotes = List.copyOf(remotes);
  }

  /**
   * The settings of a scanner process: its environment ({@code BULWARK_MAVEN_*}, {@code HOME}),
   * the cache folder ({@code $BULWARK_HOME/sca/maven} in the CLI) and the offline switch
   * ({@code --offline}, the scanner's {@code mavenOffline} setting, or {@code BULWARK_MAVEN_OFFLINE=true}).
   */
  public static MavenSettings fromEnvironment(Map<String, String> env, Path cache, boolean offline) {
    Path userHome = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    Path local = Optional.ofNullable(env.get("BULWARK_MAVEN_LOCAL")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(userHome.resolve(".m2/repository"));
    Path settingsFile = Optional.ofNullable(env.get("BULWARK_MAVEN_SETTINGS")).filter(s -> !s.isBlank())
        .map(Path::of).orElse(userHome.resolve(".m2/settings.xml"));
    SettingsXml mirrors = SettingsXml.read(settingsFile).withEnvironment(env);
    var remotes = new ArrayList<Remote>();
    remotes.add(CENTRAL);
    boolean off = offline || "true".equalsIgnoreCase(env.getOrDefault("BULWARK_MAVEN_OFFLINE", ""));
    return new MavenSettings(off, Optional.of(local).filter(Files::isDirectory), cache,
        remotes, mirrors, Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  /**
   * The process's environment with the JVM's {@code bulwark.maven.*} system properties over it
   * ({@code -Dbulwark.maven.local=...} as {@code BULWARK_MAVEN_LOCAL}, likewise offline, mirror,
   * settings): the test suite uses them to keep every scan hermetic.
   */
  public static Map<String, String> processEnvironment() {
    var env = new java.util.HashMap<>(System.getenv());
    for (String key : List.of("local", "offline", "mirror", "username", "password", "settings")) {
      String value = System.getProperty("bulwark.maven." + key);
      if (value != null) {
        env.put("BULWARK_MAVEN_" + key.toUpperCase(java.util.Locale.ROOT), value);
      }
    }
    return env;
  }

  /** The same settings, offline. */
  public MavenSettings offlineCopy() {
    return new MavenSettings(true, localRepository, cache, remotes, mirrors, connectTimeout, requestTimeout);
  }
}
