-- Evaluate is idempotent by scan id: the first evaluation of a scan claims it (response still
-- NULL), others wait for its answer, and every later evaluation of the same scan gets that answer
-- instead of recording a second decision (a gateway replica that took the scan over after the one
-- that asked first died, or lost its lease while still running). One decision per scan.
CREATE TABLE evaluation_replies (
  scan_id     VARCHAR(200) PRIMARY KEY,
  response    BYTEA,
  claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE
);
