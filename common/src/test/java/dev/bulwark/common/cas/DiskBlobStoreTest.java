package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;

@DisplayName("the disk content store keeps the content-store contract")
class DiskBlobStoreTest extends BlobStoreContract {
  private DiskBlobStore store;

  @Override
  protected BlobStore store() {
    store = new DiskBlobStore(tmp.resolve("cas"));
    return store;
  }

  @Override
  protected void corrupt(Digest digest, byte[] bytes) throws Exception {
    Files.write(store.path(digest), bytes);
  }
}
