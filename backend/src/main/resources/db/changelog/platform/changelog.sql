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
