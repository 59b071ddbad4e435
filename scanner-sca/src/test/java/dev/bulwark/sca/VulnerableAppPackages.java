package dev.bulwark.sca;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.List;

/** The dependencies of shared/fixtures/repos/vulnerable-app, as the inventory reports them. */
final class VulnerableAppPackages {
  private VulnerableAppPackages() {}

  static List<InstalledPackage> all() {
    return List.of(
        maven("org.apache.logging.log4j:log4j-core", "2.14.1", Scope.RUNTIME, 30),
        maven("com.fasterxml.jackson.core:jackson-databind", "2.9.8", Scope.RUNTIME, 35),
        maven("commons-collections:commons-collections", "3.2.1", Scope.RUNTIME, 40),
        maven("junit:junit", "4.12", Scope.TEST, 45),
        maven("javax.servlet:javax.servlet-api", "4.0.1", Scope.PROVIDED, 50),
        npm("lodash", "4.17.15", Scope.RUNTIME),
        npm("minimist", "1.2.5", Scope.RUNTIME),
        npm("node-fetch", "2.6.0", Scope.DEV),
        pypi("PyYAML", "5.3", 1),
        pypi("requests", "2.19.0", 2),
        pypi("Jinja2", "2.10", 3),
        pypi("urllib3", "1.24.1", 4));
  }

  private static InstalledPackage maven(String name, String version, Scope scope, int line) {
    String[] ga = name.split(":");
    return new InstalledPackage("Maven", name, version, scope, true, "pom.xml", line,
        "pkg:maven/" + ga[0] + "/" + ga[1] + "@" + version);
  }

  private static InstalledPackage npm(String name, String version, Scope scope) {
    return new InstalledPackage("npm", name, version, scope, true, "web/package-lock.json", 0,
        "pkg:npm/" + name + "@" + version);
  }

  private static InstalledPackage pypi(String name, String version, int line) {
    return new InstalledPackage("PyPI", name, version, Scope.RUNTIME, true, "scripts/requirements.txt", line,
        "pkg:pypi/" + name.toLowerCase() + "@" + version);
  }
}
