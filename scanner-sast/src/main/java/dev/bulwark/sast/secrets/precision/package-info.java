/**
 * What makes a match not a secret, or a less certain one: placeholders and references, entropy
 * judged per alphabet, provider checksums, public or identifier-shaped values, test and example paths.
 */
package dev.bulwark.sast.secrets.precision;
