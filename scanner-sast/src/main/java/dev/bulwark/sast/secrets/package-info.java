/**
 * Committed credentials: the YAML rule pack ({@code rules/secrets.yaml}), an Aho-Corasick keyword
 * prefilter, entropy thresholds, the placeholder allow-list and redaction.
 */
package dev.bulwark.sast.secrets;
