-- Bulwark gateway schema, version 1: scans that outlive the replica coordinating them.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+. Times are epoch milliseconds.

-- One row per scan. The replica that owns the lease (owner, until lease_until) coordinates it;
-- epoch grows at every takeover, and every write of a coordinator names the epoch it holds, so a
-- replica that lost its lease can no longer change the scan (fencing).
CREATE TABLE gateway_scans (
  scan_id         VARCHAR(64) PRIMARY KEY,
  request_id      VARCHAR(200) UNIQUE,
  project         VARCHAR(500) NOT NULL,
  request         BYTEA NOT NULL,
  manifest_hash   VARCHAR(64) NOT NULL,
  manifest_size   BIGINT NOT NULL,
  content_store   VARCHAR(500) NOT NULL,
  state           VARCHAR(20) NOT NULL,
  owner           VARCHAR(200) NOT NULL,
  epoch           BIGINT NOT NULL,
  lease_until     BIGINT NOT NULL,
  deadline_at     BIGINT NOT NULL,
  created_at      BIGINT NOT NULL,
  finished_at     BIGINT,
  last_seq        BIGINT NOT NULL,
  verdict         VARCHAR(20),
  result          BYTEA
);

CREATE INDEX gateway_scans_running ON gateway_scans (state, lease_until);
CREATE INDEX gateway_scans_finished ON gateway_scans (finished_at);

-- The scan's event log (ScanUpdate without its sequence): 1, 2, 3, ... with no gaps.
CREATE TABLE gateway_scan_events (
  scan_id  VARCHAR(64) NOT NULL REFERENCES gateway_scans (scan_id) ON DELETE CASCADE,
  seq      BIGINT NOT NULL,
  body     BYTEA NOT NULL,
  PRIMARY KEY (scan_id, seq)
);

-- What each scanner contributed, written once per scan and scanner: a takeover re-dispatches
-- only the scanners that have no row here.
CREATE TABLE gateway_scanner_results (
  scan_id     VARCHAR(64) NOT NULL REFERENCES gateway_scans (scan_id) ON DELETE CASCADE,
  scanner     VARCHAR(50) NOT NULL,
  report      BYTEA NOT NULL,
  findings    BYTEA NOT NULL,
  inventory   BYTEA NOT NULL,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (scan_id, scanner)
);
