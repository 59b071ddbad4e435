package dev.bulwark.sast.secrets.verify;

import java.time.Instant;

/** What a provider said about a credential when asked, or why it could not be asked. */
public sealed interface Liveness {
  /** The provider accepted the credential: it works right now. */
  record Live(Instant at, String endpoint, String identity) implements Liveness {}

  /** The provider refused it (revoked, expired or never valid). */
  record Rejected(Instant at, String endpoint, int status) implements Liveness {}

  /** Not known: unreachable, timed out, rate-limited, an answer we do not understand, or no partner key. */
  record Unknown(String why) implements Liveness {}
}
