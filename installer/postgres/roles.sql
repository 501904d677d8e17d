-- Frischluft roles for a city's central PostgreSQL (issue 15; see docs/scaling.md).
--
--   frischluft_writer  the recorders (`record --db jdbc:postgresql://... --db-user frischluft_writer`): reads and
--                      writes history and alerts, and runs the schema migrations (Flyway) when a new version starts.
--   frischluft_reader  desktops and kiosks of the city: reads only. Its sessions are read-only, and it has no
--                      INSERT, UPDATE or DELETE anywhere, so the app opens the history read-only: no migration, no
--                      sensor placement, no reading written (Store.writable() is false).
--
-- Run once per database and schema, as the database owner or a superuser, with the schema Frischluft uses first
-- on the search path (default: public). Safe to run again, e.g. after an upgrade added tables:
--
--   PGOPTIONS='-c search_path=public' psql -d frischluft -f installer/postgres/roles.sql
--   psql -d frischluft -c "ALTER ROLE frischluft_writer PASSWORD '...'"   -- then the same for frischluft_reader
--
-- Several hosts may share one role; for one login per host make login roles members instead:
--   CREATE ROLE recorder_north LOGIN PASSWORD '...' IN ROLE frischluft_writer;
--   CREATE ROLE kiosk_r101 LOGIN PASSWORD '...' IN ROLE frischluft_reader;
--   ALTER ROLE kiosk_r101 SET default_transaction_read_only = on;   -- role settings are not inherited

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'frischluft_writer') THEN
        CREATE ROLE frischluft_writer LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'frischluft_reader') THEN
        CREATE ROLE frischluft_reader LOGIN;
    END IF;
END
$$;

ALTER ROLE frischluft_reader SET default_transaction_read_only = on;

DO $$
DECLARE
    s text := current_schema();
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO frischluft_writer, frischluft_reader', current_database());
    -- the writer creates the tables (Flyway); the reader only looks into the schema
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO frischluft_writer', s);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO frischluft_reader', s);
    -- tables that are already there (created by an administrator or an earlier version)
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO frischluft_writer', s);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO frischluft_writer', s);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO frischluft_reader', s);
    -- tables the writer's migrations create later
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE frischluft_writer IN SCHEMA %I GRANT SELECT ON TABLES TO frischluft_reader', s);
END
$$;
