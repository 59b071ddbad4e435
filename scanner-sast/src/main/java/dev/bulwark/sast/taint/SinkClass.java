package dev.bulwark.sast.taint;

import java.util.Collection;
import java.util.Locale;

/** What a sink does with data; a sanitiser neutralises data for some of these classes only. */
public enum SinkClass {
  SQL, NOSQL, COMMAND, CODE, XSS, TEMPLATE, PATH, SSRF, REDIRECT, DESERIALIZATION, HEADER, LOG, LDAP, XPATH;

  public int bit() {
    return 1 << ordinal();
  }

  public static final int ALL = (1 << values().length) - 1;

  /** The mask of classes named in a rule pack ("all" for every class). */
  public static int mask(Collection<String> names) {
    int m = 0;
    for (String n : names) {
      m |= n.equalsIgnoreCase("all") ? ALL : valueOf(n.toUpperCase(Locale.ROOT)).bit();
    }
    return m;
  }
}
