-- Bulwark gate schema, version 4: API tokens (bulwark token create|list|revoke).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

-- Never the token itself: a random salt and SHA-256(salt, secret). Projects and roles are
-- newline-separated lists ("*" is every project).
CREATE TABLE api_tokens (
  id          VARCHAR(16) PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  projects    VARCHAR NOT NULL,
  roles       VARCHAR(200) NOT NULL,
  salt        VARCHAR(32) NOT NULL,
  hash        VARCHAR(64) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by  VARCHAR(500) NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE,
  revoked_at  TIMESTAMP WITH TIME ZONE
);
