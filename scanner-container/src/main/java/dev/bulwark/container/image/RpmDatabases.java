package dev.bulwark.container.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * rpm package databases, which this scanner finds but does not read yet: BerkeleyDB
 * ({@code var/lib/rpm/Packages}: RHEL/CentOS 7 and 8, Amazon Linux 2), ndb ({@code Packages.db}:
 * SUSE) and SQLite ({@code rpmdb.sqlite}: RHEL 9, Fedora 33 and later). An image that has one is
 * never reported as having no OS packages: each database found is a problem naming its format, so
 * the scan is DEGRADED.
 */
final class RpmDatabases {
  /** Where rpm keeps its database, by format. */
  private static final Map<String, String> FORMATS = Map.of(
      "var/lib/rpm/Packages", "BerkeleyDB",
      "var/lib/rpm/Packages.db", "ndb",
      "usr/lib/sysimage/rpm/Packages.db", "ndb",
      "var/lib/rpm/rpmdb.sqlite", "sqlite",
      "usr/lib/sysimage/rpm/rpmdb.sqlite", "sqlite",
      "usr/lib/sysimage/rpm/Packages", "BerkeleyDB");

  private RpmDatabases() {}

  /** One message per rpm database in the image. */
  static List<String> unsupported(LayeredFileSystem fs) {
    var notes = new ArrayList<String>();
    FORMATS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (fs.exists(e.getKey())) {
        notes.add("rpm database format " + e.getValue() + " not supported (" + e.getKey()
            + "): the rpm packages of this image are not listed");
      }
    });
    return notes;
  }
}
