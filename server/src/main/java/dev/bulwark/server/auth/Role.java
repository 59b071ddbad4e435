package dev.bulwark.server.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a credential may do, within its projects. Which role each method needs is in
 * {@link AccessRules}. A role also grants those it lists: whoever may triage, set policy or
 * override may read the project; {@code admin} grants everything.
 */
public enum Role {
  /** Start scans, upload blobs, follow and read one's own scans. */
  SCAN("scan"),
  /** Read decisions, findings, scans, suppressions and the central policy of the project. */
  READ("read"),
  /** Add and remove central suppressions. */
  TRIAGE("triage", READ),
  /** Set and clear the project's central policy. */
  POLICY_ADMIN("policy-admin", READ),
  /** Break-glass: turn a FAIL into PASS (recorded with the authenticated identity). */
  OVERRIDE("override", READ),
  /** Create, list and revoke tokens; grants every other role. */
  ADMIN("admin", SCAN, READ, TRIAGE, POLICY_ADMIN, OVERRIDE);

  private final String wireName;
  private final Set<Role> implied;

  Role(String wireName, Role... implied) {
    this.wireName = wireName;
    this.implied = Set.of(implied);
  }

  /** As users write it: "scan", "policy-admin", ... */
  public String wireName() {
    return wireName;
  }

  /** True when holding this role lets one do what {@code needed} allows. */
  public boolean grants(Role needed) {
    return this == needed || implied.contains(needed);
  }

  /** IllegalArgumentException naming the valid roles for anything else. */
  public static Role parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.wireName.equals(t)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown role '" + text + "'; roles are " + names()));
  }

  public static String names() {
    return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return wireName;
  }
}
