package dev.bulwark.container.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * rpm package databases this scanner finds but does not read: BerkeleyDB ({@code var/lib/rpm/Packages}:
 * RHEL/CentOS 7 and 8, Amazon Linux 2) and ndb ({@code Packages.db}: SUSE). (SQLite,
 * {@code rpmdb.sqlite} of RHEL 9 and Fedora 33+, is read by {@link RpmSqliteDatabase}.) An image that
 * has one is never reported as having no OS packages: each database found is a problem naming its
 * format, so the scan is DEGRADED.
 */
final class RpmDatabases {
  /** Where rpm keeps its database, by format. */
  private static final Map<String, String> FORMATS = Map.of(
      "var/lib/rpm/Packages", "BerkeleyDB",
      "var/lib/rpm/Packages.db", "ndb",
      "usr/lib/sysimage/rpm/Packages.db", "ndb",
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
