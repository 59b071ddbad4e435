package dev.bulwark.advisories.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OsvRecordRoundTripTest {
  @Test
  void aRecordWrittenWithJacksonReadsBackAsTheSameLiveRecord() throws Exception {
    var mapper = new ObjectMapper();
    var record = mapper.readValue("""
        {"id": "GHSA-x", "modified": "2024-01-01T00:00:00Z", "affected": [
          {"package": {"ecosystem": "npm", "name": "left-pad"},
           "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.1"}]}]}]}
        """, OsvRecord.class);
    var again = mapper.readValue(mapper.writeValueAsString(record), OsvRecord.class);
    assertThat(again.isWithdrawn()).isFalse();
    assertThat(new AdvisoryIndex(java.util.List.of(again)).affecting("npm", "left-pad", "1.0.0")).hasSize(1);
  }
}
