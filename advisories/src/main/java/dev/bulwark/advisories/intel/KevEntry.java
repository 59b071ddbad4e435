package dev.bulwark.advisories.intel;

import java.time.LocalDate;

/**
 * One entry of CISA's Known Exploited Vulnerabilities catalog: exploited in the wild.
 *
 * @param cveId      e.g. CVE-2021-44228 (upper case)
 * @param dateAdded  when CISA listed it (null when the feed did not say)
 * @param ransomware {@code knownRansomwareCampaignUse} is "Known"
 */
public record KevEntry(String cveId, LocalDate dateAdded, boolean ransomware) {}
