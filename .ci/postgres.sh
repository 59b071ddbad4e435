#!/usr/bin/env bash
# Installs (from Debian's packages) and starts a PostgreSQL server on 127.0.0.1:5432 with a
# database the persistence tests use, then prints the variables the tests read.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing postgresql from Debian's packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432 >&2
su postgres -c "psql -q -v ON_ERROR_STOP=1" >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bulwark') THEN
    CREATE ROLE bulwark LOGIN PASSWORD 'bulwark';
  END IF;
END $$;
SELECT 'CREATE DATABASE bulwark_test OWNER bulwark' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'bulwark_test')\gexec
SQL
echo "export BULWARK_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/bulwark_test BULWARK_TEST_PG_USER=bulwark BULWARK_TEST_PG_PASSWORD=bulwark"
