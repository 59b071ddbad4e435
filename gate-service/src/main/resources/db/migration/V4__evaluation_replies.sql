-- Evaluate is idempotent by scan id: the answer given for a scan is kept and given again when
-- the same scan is evaluated again (a gateway replica that took the scan over after the one
-- that asked first died before it could record the answer). One decision per scan.
CREATE TABLE evaluation_replies (
  scan_id     VARCHAR(200) PRIMARY KEY,
  response    BYTEA NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
