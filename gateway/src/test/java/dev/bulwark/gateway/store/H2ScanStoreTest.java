package dev.bulwark.gateway.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("the scan store on H2")
class H2ScanStoreTest extends ScanStoreContract {
  @Override
  Databases.Db open() {
    return Databases.h2();
  }
}
