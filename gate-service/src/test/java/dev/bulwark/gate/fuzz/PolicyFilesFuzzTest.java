package dev.bulwark.gate.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.gate.policy.file.IgnoreFile;
import dev.bulwark.gate.policy.file.PolicyException;
import dev.bulwark.gate.policy.file.PolicyParser;
import java.time.LocalDate;

/**
 * The policy YAML a scanned tree brings ({@code .bulwark/policy.yaml}, {@code .bulwarkignore.yaml})
 * and a central policy's text: a broken file may only be refused with a {@link PolicyException}
 * naming where (the decision is then ERROR), and an ignore file never throws.
 */
class PolicyFilesFuzzTest {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @FuzzTest(maxDuration = "60s")
  void policy(FuzzedDataProvider data) {
    try {
      PolicyParser.parse(data.consumeRemainingAsString(), ".bulwark/policy.yaml", TODAY);
    } catch (PolicyException refused) {
      // a message with file:line:column: fine
    }
  }

  @FuzzTest(maxDuration = "60s")
  void ignoreFile(FuzzedDataProvider data) {
    IgnoreFile.parse(data.consumeRemainingAsString(), ".bulwarkignore.yaml", TODAY);
  }
}
