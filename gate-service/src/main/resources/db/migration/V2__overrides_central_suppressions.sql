-- Bulwark gate schema, version 2: break-glass overrides on decisions, central suppressions.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

-- An override is a decision row of its own (PASS, overridden) recorded after the FAIL it overrides.
ALTER TABLE decisions ADD COLUMN overridden BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE decisions ADD COLUMN override_justification VARCHAR;
ALTER TABLE decisions ADD COLUMN override_identity VARCHAR(500);

-- "The latest decision of a scan" (overrides, re-evaluations).
CREATE INDEX decisions_scan ON decisions (scan_id, id);

-- The baseline of a pull request (the latest scan of another branch of the same project) uses
-- scans_project_branch (project, branch, id) of V1.

-- Suppressions managed over gRPC (AddSuppression), per project; all criteria set must match.
CREATE TABLE central_suppressions (
  id          VARCHAR(64) PRIMARY KEY,
  project     VARCHAR(500) NOT NULL,
  fingerprint VARCHAR(200),
  rule_id     VARCHAR(500),
  path_glob   VARCHAR(1000),
  purl        VARCHAR(1000),
  advisory    VARCHAR(200),
  reason      VARCHAR NOT NULL,
  expires     DATE NOT NULL,
  created_by  VARCHAR(500) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX central_suppressions_project ON central_suppressions (project);
