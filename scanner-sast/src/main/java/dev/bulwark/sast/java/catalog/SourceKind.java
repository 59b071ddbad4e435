package dev.bulwark.sast.java.catalog;

import dev.bulwark.v1.Confidence;

/**
 * Where untrusted data comes from (the HTTP request, the network, a file, ...): each kind has its
 * own bit in a value's kind mask and its own confidence.
 *
 * @param remote whether an attacker sends such data from elsewhere (the request, the network)
 * @param label  how a finding's title names such data ("request data")
 * @param origin how a finding's description names it ("Data from the HTTP request")
 */
public record SourceKind(int index, String id, Confidence confidence, boolean remote, String label, String origin) {
  public int bit() {
    return 1 << index;
  }
}
