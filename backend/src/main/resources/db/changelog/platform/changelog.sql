--liquibase formatted sql

--changeset tracehub:platform-001-app-role splitStatements:false rollbackSplitStatements:false
--comment: The application connects as this non-owner role, so row-level security applies to it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE', '${app_role}');
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE USAGE ON SCHEMA public FROM %I', '${app_role}');
--rollback   -- Roles are cluster-wide: another database of this cluster may still use it.
--rollback   BEGIN
--rollback     EXECUTE format('DROP ROLE IF EXISTS %I', '${app_role}');
--rollback   EXCEPTION WHEN dependent_objects_still_exist THEN
--rollback     RAISE NOTICE 'role % kept: other databases still depend on it', '${app_role}';
--rollback   END;
--rollback END $$;

--changeset tracehub:platform-002-app-role-password splitStatements:false runOnChange:true
--comment: Kept apart so that changing the password re-runs only this changeset.
DO $$
BEGIN
  IF length($pw$${app_password}$pw$) > 0 THEN
    -- Dollar-quoted so that any character, including a quote, is taken literally.
    EXECUTE format('ALTER ROLE %I PASSWORD %L', '${app_role}', $pw$${app_password}$pw$);
  END IF;
END $$;
--rollback SELECT 'the previous password cannot be restored; nothing to undo';

--changeset tracehub:platform-003-tenant-functions splitStatements:false rollbackSplitStatements:false
--comment: The tenant scope set per transaction by TenantAwareTransactionManager; '' means absent.
CREATE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.org_id', true), '')::uuid $$;
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app_lookup_email() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.lookup_email', true), '') $$;
CREATE FUNCTION app_lookup_token() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.lookup_token', true), '') $$;
--rollback DROP FUNCTION app_lookup_token();
--rollback DROP FUNCTION app_lookup_email();
--rollback DROP FUNCTION app_user_id();
--rollback DROP FUNCTION app_org_id();

--changeset tracehub:platform-004-changelog-read splitStatements:false rollbackSplitStatements:false
--comment: Readiness compares the applied changesets with the ones this release ships.
DO $$
BEGIN
  EXECUTE format('GRANT SELECT ON databasechangelog TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE SELECT ON databasechangelog FROM %I', '${app_role}');
--rollback END $$;

--changeset tracehub:platform-005-idempotency-record
--comment: Responses to mutating requests sent with an Idempotency-Key, replayed when the client retries (docs/api/idempotency.md).
CREATE TABLE idempotency_record (
  user_id               uuid        NOT NULL,
  idempotency_key       text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  organization_id       uuid        NOT NULL,
  request_fingerprint   text        NOT NULL,
  state                 text        NOT NULL CHECK (state IN ('in_progress', 'completed')),
  response_status       integer,
  response_content_type text,
  response_headers      jsonb,
  response_body         bytea,
  created_at            timestamptz NOT NULL DEFAULT now(),
  expires_at            timestamptz NOT NULL,
  PRIMARY KEY (user_id, idempotency_key),
  CONSTRAINT idempotency_record_completed_has_status CHECK (state = 'in_progress' OR response_status IS NOT NULL)
);
CREATE INDEX idempotency_record_expires_at_idx ON idempotency_record (expires_at);
--rollback DROP TABLE idempotency_record;

--changeset tracehub:platform-006-idempotency-record-access splitStatements:false rollbackSplitStatements:false
--comment: A user sees and changes only their own keys. FORCE applies the policy to the owner as well.
DO $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_record TO %I', '${app_role}');
END $$;
ALTER TABLE idempotency_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_record FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_record_own ON idempotency_record FOR ALL
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
--rollback DROP POLICY idempotency_record_own ON idempotency_record;
--rollback ALTER TABLE idempotency_record NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE idempotency_record DISABLE ROW LEVEL SECURITY;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON idempotency_record FROM %I', '${app_role}');
--rollback END $$;

--changeset tracehub:platform-007-idempotency-record-purge splitStatements:false rollbackSplitStatements:false
--comment: Housekeeping across all users, callable by the app role, which otherwise sees only its user's keys.
-- The function runs as its owner, the migrating role that owns the table. FORCE subjects that role to RLS too,
-- so it gets policies of its own (TO CURRENT_USER: the role running this changeset), limited to expired rows.
-- The app role may only call the function, whose one statement deletes expired rows; it gains no read access.
CREATE POLICY idempotency_record_purge_read ON idempotency_record FOR SELECT TO CURRENT_USER
  USING (expires_at < now());
CREATE POLICY idempotency_record_purge_delete ON idempotency_record FOR DELETE TO CURRENT_USER
  USING (expires_at < now());
CREATE FUNCTION purge_expired_idempotency_records() RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  removed integer;
BEGIN
  DELETE FROM public.idempotency_record WHERE expires_at < now();
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION purge_expired_idempotency_records() FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION purge_expired_idempotency_records() TO %I', '${app_role}');
END $$;
--rollback DROP FUNCTION purge_expired_idempotency_records();
--rollback DROP POLICY idempotency_record_purge_delete ON idempotency_record;
--rollback DROP POLICY idempotency_record_purge_read ON idempotency_record;

--changeset tracehub:platform-008-event-publication splitStatements:false rollbackSplitStatements:false
--comment: Spring Modulith's JDBC event publication registry (the outbox, schema v2 of Modulith 2.0). A row per event and listener is written in the publishing transaction and completed when the listener succeeds; incomplete rows are redelivered (platform EventRedelivery). It holds event payloads of every tenant and is read only by the registry itself, never by a query on a user's behalf, so its policy is an explicit allow-all: the table still sits under forced RLS like every table the app can reach.
CREATE TABLE event_publication (
  id                     uuid        NOT NULL PRIMARY KEY,
  listener_id            text        NOT NULL,
  event_type             text        NOT NULL,
  serialized_event       text        NOT NULL,
  publication_date       timestamptz NOT NULL,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    integer,
  last_resubmission_date timestamptz
);
-- The registry finds a publication by its payload (hash) and the incomplete ones by completion date.
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
-- Outstanding publications are few; the backlog gauge and redelivery scan them without touching completed ones.
CREATE INDEX event_publication_outstanding_idx ON event_publication (publication_date) WHERE completion_date IS NULL;
ALTER TABLE event_publication ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_publication FORCE ROW LEVEL SECURITY;
CREATE POLICY event_publication_shared ON event_publication FOR ALL USING (true) WITH CHECK (true);
DO $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO %I', '${app_role}');
END $$;
--rollback DROP TABLE event_publication;

--changeset tracehub:platform-009-app-role-no-jit splitStatements:false rollbackSplitStatements:false
--comment: Measured on the benchmark dataset (100,000 shipments): the shipment list's page query did 2.5 ms of work and spent 178 ms compiling itself with JIT, because the row-level-security subplans inflate its estimated cost far above jit_above_cost. The application's statements are short OLTP reads and writes that never pay JIT back, so it is off for the application role (a role default: it holds through PgBouncer and for every new connection). Reports run by people keep the server default.
DO $$
BEGIN
  EXECUTE format('ALTER ROLE %I SET jit = off', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('ALTER ROLE %I RESET jit', '${app_role}');
--rollback END $$;
