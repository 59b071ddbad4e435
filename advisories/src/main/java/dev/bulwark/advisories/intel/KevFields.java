package dev.bulwark.advisories.intel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The KEV fields the gate uses, read the same way from JSON and CSV. */
final class KevFields {
  static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}", Pattern.CASE_INSENSITIVE);

  private KevFields() {}

  static KevEntry entry(String cveId, String dateAdded, String ransomware) {
    String id = cveId.strip();
    if (!CVE.matcher(id).matches()) {
      throw new IllegalArgumentException("cveID '" + id + "' is not a CVE id");
    }
    LocalDate added = null;
    if (!dateAdded.isBlank()) {
      try {
        added = LocalDate.parse(dateAdded.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("dateAdded '" + dateAdded + "' of " + id + " is not an ISO date");
      }
    }
    return new KevEntry(id.toUpperCase(Locale.ROOT), added, ransomware.strip().equalsIgnoreCase("Known"));
  }
}
