package dev.bulwark.advisories.intel;

/**
 * FIRST's Exploit Prediction Scoring System score of a CVE.
 *
 * @param cve        e.g. CVE-2021-44228 (upper case)
 * @param epss       probability of exploitation activity in the next 30 days, 0-1
 * @param percentile rank among all scored CVEs, 0-1
 */
public record EpssScore(String cve, double epss, double percentile) {}
