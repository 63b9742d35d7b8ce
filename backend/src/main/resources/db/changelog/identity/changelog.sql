--liquibase formatted sql

--changeset tracehub:identity-001-tables
CREATE TABLE organization (
  id            uuid PRIMARY KEY,
  name          text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  type          text NOT NULL CHECK (type IN ('exporter', 'buyer', 'supplier', 'logistics')),
  country_code  char(2),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE app_user (
  id             uuid PRIMARY KEY,
  email          text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  full_name      text NOT NULL CHECK (length(trim(full_name)) BETWEEN 1 AND 200),
  password_hash  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  last_login_at  timestamptz
);
CREATE UNIQUE INDEX app_user_email_uq ON app_user (email);
CREATE TABLE membership (
  id               uuid PRIMARY KEY,
  user_id          uuid NOT NULL REFERENCES app_user (id),
  organization_id  uuid NOT NULL REFERENCES organization (id),
  role             text NOT NULL CHECK (role IN ('admin', 'compliance', 'logistics', 'buyer', 'supplier', 'viewer')),
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
  is_primary       boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT membership_user_org_uq UNIQUE (user_id, organization_id)
);
CREATE INDEX membership_org_idx ON membership (organization_id, role, status);
CREATE UNIQUE INDEX membership_one_primary_uq ON membership (user_id) WHERE is_primary;
CREATE TABLE invitation (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  email             text NOT NULL CHECK (email = lower(email)),
  role              text NOT NULL CHECK (role IN ('admin', 'compliance', 'logistics', 'buyer', 'supplier', 'viewer')),
  token_hash        text NOT NULL,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'revoked')),
  expires_at        timestamptz NOT NULL,
  invited_by        uuid REFERENCES app_user (id),
  accepted_user_id  uuid REFERENCES app_user (id),
  accepted_at       timestamptz,
  revoked_at        timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX invitation_token_hash_uq ON invitation (token_hash);
CREATE INDEX invitation_org_idx ON invitation (organization_id, created_at DESC);
CREATE UNIQUE INDEX invitation_one_pending_uq ON invitation (organization_id, email) WHERE status = 'pending';
CREATE TABLE refresh_token (
  id               uuid PRIMARY KEY,
  family_id        uuid NOT NULL,
  user_id          uuid NOT NULL REFERENCES app_user (id),
  organization_id  uuid NOT NULL REFERENCES organization (id),
  token_hash       text NOT NULL,
  issued_at        timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  used_at          timestamptz,
  revoked_at       timestamptz
);
CREATE UNIQUE INDEX refresh_token_hash_uq ON refresh_token (token_hash);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id);
--rollback DROP TABLE refresh_token;
--rollback DROP TABLE invitation;
--rollback DROP TABLE membership;
--rollback DROP TABLE app_user;
--rollback DROP TABLE organization;

--changeset tracehub:identity-002-grants splitStatements:false rollbackSplitStatements:false
DO $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE ON organization, app_user, membership, invitation TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_token TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON organization, app_user, membership, invitation, refresh_token FROM %I', '${app_role}');
--rollback END $$;

--changeset tracehub:identity-003-row-level-security
--comment: Each table filters on the tenant scope of the transaction; FORCE applies it to the owner too.
ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization FORCE ROW LEVEL SECURITY;
CREATE POLICY organization_member_read ON organization FOR SELECT
  USING (id = app_org_id()
      OR id IN (SELECT m.organization_id FROM membership m WHERE m.user_id = app_user_id()));
CREATE POLICY organization_own_insert ON organization FOR INSERT WITH CHECK (id = app_org_id());
CREATE POLICY organization_own_update ON organization FOR UPDATE
  USING (id = app_org_id()) WITH CHECK (id = app_org_id());

ALTER TABLE membership ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership FORCE ROW LEVEL SECURITY;
CREATE POLICY membership_read ON membership FOR SELECT
  USING (organization_id = app_org_id() OR user_id = app_user_id());
CREATE POLICY membership_own_insert ON membership FOR INSERT WITH CHECK (organization_id = app_org_id());
CREATE POLICY membership_own_update ON membership FOR UPDATE
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
-- A user row is visible to the user, to the organisations it belongs to (through membership's own
-- policy), and to a login or invitation that presents its e-mail address.
CREATE POLICY app_user_read ON app_user FOR SELECT
  USING (id = app_user_id()
      OR email = app_lookup_email()
      OR EXISTS (SELECT 1 FROM membership m WHERE m.user_id = app_user.id AND m.organization_id = app_org_id()));
CREATE POLICY app_user_insert ON app_user FOR INSERT WITH CHECK (email = app_lookup_email());
CREATE POLICY app_user_update ON app_user FOR UPDATE
  USING (id = app_user_id()
      OR email = app_lookup_email()
      OR EXISTS (SELECT 1 FROM membership m WHERE m.user_id = app_user.id AND m.organization_id = app_org_id()));

ALTER TABLE invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY invitation_own ON invitation FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());
CREATE POLICY invitation_by_token_read ON invitation FOR SELECT USING (token_hash = app_lookup_token());

ALTER TABLE refresh_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_token FORCE ROW LEVEL SECURITY;
-- The user's own sessions, and those of the acting organisation (an admin ending a member's sessions).
CREATE POLICY refresh_token_own ON refresh_token FOR ALL
  USING (user_id = app_user_id() OR organization_id = app_org_id())
  WITH CHECK (user_id = app_user_id() OR organization_id = app_org_id());
CREATE POLICY refresh_token_by_token_read ON refresh_token FOR SELECT USING (token_hash = app_lookup_token());
--rollback DROP POLICY refresh_token_by_token_read ON refresh_token;
--rollback DROP POLICY refresh_token_own ON refresh_token;
--rollback ALTER TABLE refresh_token NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE refresh_token DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY invitation_by_token_read ON invitation;
--rollback DROP POLICY invitation_own ON invitation;
--rollback ALTER TABLE invitation NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE invitation DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY app_user_update ON app_user;
--rollback DROP POLICY app_user_insert ON app_user;
--rollback DROP POLICY app_user_read ON app_user;
--rollback ALTER TABLE app_user NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE app_user DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY membership_own_update ON membership;
--rollback DROP POLICY membership_own_insert ON membership;
--rollback DROP POLICY membership_read ON membership;
--rollback ALTER TABLE membership NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE membership DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY organization_own_update ON organization;
--rollback DROP POLICY organization_own_insert ON organization;
--rollback DROP POLICY organization_member_read ON organization;
--rollback ALTER TABLE organization NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE organization DISABLE ROW LEVEL SECURITY;

--changeset tracehub:identity-004-partners
--comment: Trading partners of an organisation (an exporter's buyers, suppliers, forwarders). Both sides may read the link and each other's organisation name; only the owner side writes it.
CREATE TABLE organization_partner (
  organization_id  uuid NOT NULL REFERENCES organization (id),
  partner_id       uuid NOT NULL REFERENCES organization (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, partner_id),
  CHECK (organization_id <> partner_id)
);
CREATE INDEX organization_partner_partner_idx ON organization_partner (partner_id);
ALTER TABLE organization_partner ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization_partner FORCE ROW LEVEL SECURITY;
CREATE POLICY organization_partner_read ON organization_partner FOR SELECT
  USING (organization_id = app_org_id() OR partner_id = app_org_id());
CREATE POLICY organization_partner_own_write ON organization_partner FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());
CREATE POLICY organization_partner_visible ON organization FOR SELECT
  USING (id IN (SELECT p.partner_id FROM organization_partner p WHERE p.organization_id = app_org_id())
      OR id IN (SELECT p.organization_id FROM organization_partner p WHERE p.partner_id = app_org_id()));
--rollback DROP POLICY organization_partner_visible ON organization;
--rollback DROP TABLE organization_partner;

--changeset tracehub:identity-005-partner-grants splitStatements:false rollbackSplitStatements:false
DO $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, DELETE ON organization_partner TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON organization_partner FROM %I', '${app_role}');
--rollback END $$;

--changeset tracehub:identity-006-organization-traces-number
--comment: An exporter's EU TRACES registration number is an organisation setting, not a constant (the earlier system hard-coded one exporter's number). Nullable and additive (expand only): compliance reads it to check TRACES certificates and says so when it is not set.
ALTER TABLE organization ADD COLUMN traces_number text
  CHECK (traces_number ~ '^[A-Z0-9][A-Z0-9./-]{2,39}$');
--rollback ALTER TABLE organization DROP COLUMN traces_number;

--changeset tracehub:identity-007-invitation-mail-token
--comment: The invitation e-mail carries a link of its own, issued when the mail is sent (its hash only is stored), so no invitation secret ever sits in an event, the outbox or a log. Resending clears it with the other link. Additive (expand only).
ALTER TABLE invitation ADD COLUMN mail_token_hash text;
CREATE UNIQUE INDEX invitation_mail_token_hash_uq ON invitation (mail_token_hash);
CREATE POLICY invitation_by_mail_token_read ON invitation FOR SELECT USING (mail_token_hash = app_lookup_token());
--rollback DROP POLICY invitation_by_mail_token_read ON invitation;
--rollback DROP INDEX invitation_mail_token_hash_uq;
--rollback ALTER TABLE invitation DROP COLUMN mail_token_hash;
