-- Bulwark gateway schema, version 2: what the access rules need to know on every replica.

-- Who started each scan (its credential's identity id): a caller with only the scan role may
-- follow only its own scans, whichever replica it asks. Deleted with the scan.
CREATE TABLE gateway_scan_starters (
  scan_id    VARCHAR(64) PRIMARY KEY REFERENCES gateway_scans (scan_id) ON DELETE CASCADE,
  principal  VARCHAR(500) NOT NULL
);

-- Which caller uploaded (proved) which blob: a blob uploaded through one replica may be used in
-- a scan started through another. Grants older than the scan retention are forgotten (the
-- caller uploads the blob again).
CREATE TABLE gateway_blob_grants (
  principal   VARCHAR(500) NOT NULL,
  digest      VARCHAR(100) NOT NULL,
  granted_at  BIGINT NOT NULL,
  PRIMARY KEY (principal, digest)
);

CREATE INDEX gateway_blob_grants_age ON gateway_blob_grants (granted_at);
