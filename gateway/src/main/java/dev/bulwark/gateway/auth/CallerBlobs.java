package dev.bulwark.gateway.auth;

import dev.bulwark.common.cas.BlobAccess;
import dev.bulwark.server.auth.AuthContext;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.v1.Digest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's {@link BlobAccess}: which caller (by identity id) uploaded or proved which blob,
 * remembered for the {@code maxGrants} most recent; one forgotten is simply uploaded again. Also
 * refuses blobs larger than {@code limits.maxBlobBytes}.
 */
public final class CallerBlobs implements BlobAccess {
  private final long maxBlobBytes;
  private final Map<String, Boolean> grants;

  public CallerBlobs(long maxBlobBytes, int maxGrants) {
    this.maxBlobBytes = maxBlobBytes;
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
    synchronized (grants) {
      return grants.get(key(caller, digest)) != null;
    }
  }

  @Override
  public void proved(Digest digest) {
    Principal caller = AuthContext.principal();
    synchronized (grants) {
      grants.put(key(caller, digest), Boolean.TRUE);
    }
  }

  @Override
  public void admit(Digest digest) {
    if (digest.getSizeBytes() > maxBlobBytes) {
      throw new IllegalArgumentException("blob " + digest.getHash() + " is " + digest.getSizeBytes()
          + " bytes; the largest blob this gateway accepts is " + maxBlobBytes + " bytes (limits.maxBlobBytes)");
    }
  }

  private static String key(Principal caller, Digest digest) {
    return caller.id() + "\n" + digest.getHash() + "/" + digest.getSizeBytes();
  }
}
