package dev.bulwark.gateway.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("the scan store on PostgreSQL")
class PostgresScanStoreTest extends ScanStoreContract {
  @Override
  Databases.Db open() {
    return Databases.postgres();
  }
}
