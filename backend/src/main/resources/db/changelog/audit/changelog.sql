--liquibase formatted sql

--changeset tracehub:audit-001-audit-log
--comment: The audit log (product spec §6): one row per state-changing API request, download or system action. Append-only; nothing references it, so entries outlive the objects they name.
CREATE TABLE audit_log (
  id               uuid        PRIMARY KEY,
  occurred_at      timestamptz NOT NULL,
  organization_id  uuid,
  actor_user_id    uuid,
  actor_email      text        CHECK (length(actor_email) <= 320),
  actor_kind       text        NOT NULL CHECK (actor_kind IN ('user', 'anonymous', 'system')),
  action           text        NOT NULL CHECK (length(action) BETWEEN 1 AND 300),
  object_type      text        CHECK (length(object_type) <= 60),
  object_id        text        CHECK (length(object_id) <= 200),
  result           integer     NOT NULL CHECK (result BETWEEN 0 AND 999),
  detail           text        CHECK (length(detail) <= 500),
  ip               text        CHECK (length(ip) <= 64),
  user_agent       text        CHECK (length(user_agent) <= 300),
  request_id       text        CHECK (length(request_id) <= 128)
);
-- Every search is within one organisation (RLS adds organization_id = app_org_id()) and newest first;
-- (occurred_at, id) is the stable order, so each index ends with it and a page is an index range scan.
CREATE INDEX audit_log_org_time_idx ON audit_log (organization_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_org_actor_idx ON audit_log (organization_id, actor_user_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_org_email_idx ON audit_log (organization_id, actor_email, occurred_at DESC, id DESC);
CREATE INDEX audit_log_org_action_idx ON audit_log (organization_id, action, occurred_at DESC, id DESC);
CREATE INDEX audit_log_org_object_idx ON audit_log (organization_id, object_type, object_id, occurred_at DESC, id DESC);
-- Failures and denials are rare among millions of successes: a partial index finds them without a scan.
CREATE INDEX audit_log_org_failure_idx ON audit_log (organization_id, occurred_at DESC, id DESC) WHERE result >= 400;
--rollback DROP TABLE audit_log;

--changeset tracehub:audit-002-append-only splitStatements:false rollbackSplitStatements:false
--comment: Append-only in the database, not by convention: the app role may INSERT and SELECT only, and a trigger refuses UPDATE, DELETE and TRUNCATE for everyone, the owner included, except deletions by the retention function below.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('tracehub.audit_retention', true) = 'purge' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
DO $$
BEGIN
  EXECUTE format('REVOKE ALL ON audit_log FROM %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT ON audit_log TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON audit_log FROM %I', '${app_role}');
--rollback END $$;
--rollback DROP TRIGGER audit_log_no_truncate ON audit_log;
--rollback DROP TRIGGER audit_log_append_only ON audit_log;
--rollback DROP FUNCTION audit_log_refuse_change();

--changeset tracehub:audit-003-row-level-security
--comment: An organisation reads and writes only its own entries. Entries without an organisation (anonymous requests such as a failed login) match no tenant: IS NOT DISTINCT FROM lets such a request insert its entry, while reading requires a real organisation.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_own_read ON audit_log FOR SELECT
  USING (organization_id = app_org_id());
CREATE POLICY audit_log_own_insert ON audit_log FOR INSERT
  WITH CHECK (organization_id IS NOT DISTINCT FROM app_org_id());
--rollback DROP POLICY audit_log_own_insert ON audit_log;
--rollback DROP POLICY audit_log_own_read ON audit_log;
--rollback ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE audit_log DISABLE ROW LEVEL SECURITY;

--changeset tracehub:audit-004-retention-purge splitStatements:false rollbackSplitStatements:false
--comment: The only way to remove entries (docs/operations/audit-log.md): the owner role calls audit_log_purge with a cutoff at least five years back. The app role is not granted it. FORCE subjects the owner to RLS too, hence its own policies, limited to rows older than five years.
CREATE POLICY audit_log_retention_read ON audit_log FOR SELECT TO CURRENT_USER
  USING (occurred_at < now() - interval '5 years');
CREATE POLICY audit_log_retention_delete ON audit_log FOR DELETE TO CURRENT_USER
  USING (occurred_at < now() - interval '5 years');
CREATE FUNCTION audit_log_purge(p_before timestamptz) RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  removed integer;
BEGIN
  IF p_before > now() - interval '5 years' THEN
    RAISE EXCEPTION 'audit entries are kept at least five years: cutoff % is too recent', p_before
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('tracehub.audit_retention', 'purge', true);
  DELETE FROM public.audit_log WHERE occurred_at < p_before;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('tracehub.audit_retention', '', true);
  RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION audit_log_purge(timestamptz) FROM PUBLIC;
--rollback DROP FUNCTION audit_log_purge(timestamptz);
--rollback DROP POLICY audit_log_retention_delete ON audit_log;
--rollback DROP POLICY audit_log_retention_read ON audit_log;
