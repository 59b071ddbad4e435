package dev.bulwark.gateway.auth;

import dev.bulwark.common.cas.BlobAccess;
import dev.bulwark.gateway.store.CallerRecords;
import dev.bulwark.server.auth.AuthContext;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.v1.Digest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's {@link BlobAccess}: which caller (by identity id) uploaded or proved which blob,
 * remembered here for the {@code maxGrants} most recent and, with {@link CallerRecords}, in the
 * database every replica shares (a blob uploaded through one replica is usable through another);
 * one forgotten is simply uploaded again. Also refuses blobs larger than {@code limits.maxBlobBytes}.
 */
public final class CallerBlobs implements BlobAccess {
  private final long maxBlobBytes;
  private final Map<String, Boolean> grants;

  private final Optional<CallerRecords> records;

  public CallerBlobs(long maxBlobBytes, int maxGrants) {
    this(maxBlobBytes, maxGrants, Optional.empty());
  }

  public CallerBlobs(long maxBlobBytes, int maxGrants, Optional<CallerRecords> records) {
    this.maxBlobBytes = maxBlobBytes;
    this.records = records;
    this.grants = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > maxGrants;
      }
    };
  }

  @Override
  public boolean mayUse(Digest digest) {
    Principal caller = AuthContext.principal();
    if (caller.kind() == Principal.Kind.LOCAL) {
      return true;
    }
    String key = key(caller, digest);
    synchronized (grants) {
      if (grants.get(key) != null) {
        return true;
      }
    }
    if (records.isPresent() && records.get().mayUse(caller.id(), digestKey(digest))) {
      synchronized (grants) {
        grants.put(key, Boolean.TRUE);
      }
      return true;
    }
    return false;
  }

  @Override
  public void proved(Digest digest) {
    Principal caller = AuthContext.principal();
    synchronized (grants) {
      grants.put(key(caller, digest), Boolean.TRUE);
    }
    records.ifPresent(r -> r.granted(caller.id(), digestKey(digest)));
  }

  @Override
  public void admit(Digest digest) {
    if (digest.getSizeBytes() > maxBlobBytes) {
      throw new IllegalArgumentException("blob " + digest.getHash() + " is " + digest.getSizeBytes()
          + " bytes; the largest blob this gateway accepts is " + maxBlobBytes + " bytes (limits.maxBlobBytes)");
    }
  }

  private static String key(Principal caller, Digest digest) {
    return caller.id() + "\n" + digestKey(digest);
  }

  private static String digestKey(Digest digest) {
    return digest.getHash() + "/" + digest.getSizeBytes();
  }
}
