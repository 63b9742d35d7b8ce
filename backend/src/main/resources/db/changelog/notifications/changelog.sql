--liquibase formatted sql

--changeset tracehub:notifications-001-tables
--comment: In-app notifications (one row per recipient), per-user preferences per event kind and channel, the daily digest choice, the e-mail outbox and its attempt log. Rows are written in the recipient organisation's scope; a user reads only their own.
CREATE TABLE notification (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  user_id          uuid NOT NULL REFERENCES app_user (id),
  kind             text NOT NULL,
  title            text NOT NULL,
  body             text NOT NULL,
  link             text,
  shipment_id      uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  read_at          timestamptz
);
CREATE INDEX notification_user_idx ON notification (user_id, organization_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (user_id, organization_id) WHERE read_at IS NULL;

CREATE TABLE notification_preference (
  user_id  uuid NOT NULL REFERENCES app_user (id),
  kind     text NOT NULL,
  in_app   boolean NOT NULL,
  email    boolean NOT NULL,
  PRIMARY KEY (user_id, kind)
);

CREATE TABLE notification_setting (
  user_id     uuid PRIMARY KEY REFERENCES app_user (id),
  digest      boolean NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mail_outbox (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  user_id          uuid REFERENCES app_user (id),
  kind             text NOT NULL,
  to_address       text NOT NULL,
  subject          text NOT NULL,
  text_body        text NOT NULL,
  html_body        text NOT NULL,
  reference_id     uuid,
  status           text NOT NULL CHECK (status IN ('pending', 'held', 'digested', 'sent', 'failed', 'cancelled')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  lease_until      timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_held_idx ON mail_outbox (user_id) WHERE status = 'held';

CREATE TABLE mail_attempt (
  id               uuid PRIMARY KEY,
  outbox_id        uuid NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  attempt          integer NOT NULL,
  attempted_at     timestamptz NOT NULL DEFAULT now(),
  outcome          text NOT NULL CHECK (outcome IN ('sent', 'failed', 'logged')),
  error            text
);
CREATE INDEX mail_attempt_outbox_idx ON mail_attempt (outbox_id, attempt);
--rollback DROP TABLE mail_attempt;
--rollback DROP TABLE mail_outbox;
--rollback DROP TABLE notification_setting;
--rollback DROP TABLE notification_preference;
--rollback DROP TABLE notification;

--changeset tracehub:notifications-002-row-level-security
--comment: A user reads and marks only their own notifications; they are written in the recipient organisation's scope for its own members only. Preferences belong to the user; the recipient organisation reads its members' preferences to route. Outbox and attempts belong to the recipient organisation.
ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_own_read ON notification FOR SELECT USING (user_id = app_user_id());
CREATE POLICY notification_own_update ON notification FOR UPDATE
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
CREATE POLICY notification_member_insert ON notification FOR INSERT
  WITH CHECK (organization_id = app_org_id()
      AND EXISTS (SELECT 1 FROM membership m
                   WHERE m.user_id = notification.user_id AND m.organization_id = app_org_id() AND m.status = 'active'));

ALTER TABLE notification_preference ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preference FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_preference_own ON notification_preference FOR ALL
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
CREATE POLICY notification_preference_member_read ON notification_preference FOR SELECT
  USING (EXISTS (SELECT 1 FROM membership m
                  WHERE m.user_id = notification_preference.user_id AND m.organization_id = app_org_id()));

ALTER TABLE notification_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_setting_own ON notification_setting FOR ALL
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
CREATE POLICY notification_setting_member_read ON notification_setting FOR SELECT
  USING (EXISTS (SELECT 1 FROM membership m
                  WHERE m.user_id = notification_setting.user_id AND m.organization_id = app_org_id()));

ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY mail_outbox_own ON mail_outbox FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());

ALTER TABLE mail_attempt ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_attempt FORCE ROW LEVEL SECURITY;
CREATE POLICY mail_attempt_own ON mail_attempt FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());
--rollback DROP POLICY mail_attempt_own ON mail_attempt;
--rollback ALTER TABLE mail_attempt NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE mail_attempt DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY mail_outbox_own ON mail_outbox;
--rollback ALTER TABLE mail_outbox NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE mail_outbox DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY notification_setting_member_read ON notification_setting;
--rollback DROP POLICY notification_setting_own ON notification_setting;
--rollback ALTER TABLE notification_setting NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE notification_setting DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY notification_preference_member_read ON notification_preference;
--rollback DROP POLICY notification_preference_own ON notification_preference;
--rollback ALTER TABLE notification_preference NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE notification_preference DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY notification_member_insert ON notification;
--rollback DROP POLICY notification_own_update ON notification;
--rollback DROP POLICY notification_own_read ON notification;
--rollback ALTER TABLE notification NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE notification DISABLE ROW LEVEL SECURITY;

--changeset tracehub:notifications-003-claim-functions splitStatements:false rollbackSplitStatements:false
--comment: The sender and the digest work across organisations, which no tenant scope can see. These functions are the narrow doors (as tracking_claim_due): they lease due mails with FOR UPDATE SKIP LOCKED, or list who has held digest mail, and return only ids and owners; the work itself then runs in the owner's scope.
CREATE POLICY mail_outbox_claim_read ON mail_outbox FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY mail_outbox_claim_update ON mail_outbox FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE FUNCTION notification_mail_claim(p_limit integer, p_lease_seconds integer)
  RETURNS TABLE (outbox_id uuid, organization_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  UPDATE public.mail_outbox o
     SET lease_until = now() + make_interval(secs => p_lease_seconds)
   WHERE o.id IN (
         SELECT d.id FROM public.mail_outbox d
          WHERE d.status = 'pending' AND d.next_attempt_at <= now()
            AND (d.lease_until IS NULL OR d.lease_until < now())
          ORDER BY d.next_attempt_at
          LIMIT least(greatest(p_limit, 1), 100)
          FOR UPDATE SKIP LOCKED)
  RETURNING o.id, o.organization_id;
$$;
CREATE FUNCTION notification_digest_due()
  RETURNS TABLE (organization_id uuid, user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT DISTINCT o.organization_id, o.user_id FROM public.mail_outbox o
   WHERE o.status = 'held' AND o.user_id IS NOT NULL;
$$;
REVOKE ALL ON FUNCTION notification_mail_claim(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION notification_digest_due() FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION notification_mail_claim(integer, integer) TO %I', '${app_role}');
  EXECUTE format('GRANT EXECUTE ON FUNCTION notification_digest_due() TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT, UPDATE ON notification, mail_outbox TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preference, notification_setting TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT ON mail_attempt TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON notification, notification_preference, notification_setting, mail_outbox, mail_attempt FROM %I', '${app_role}');
--rollback END $$;
--rollback DROP FUNCTION notification_digest_due();
--rollback DROP FUNCTION notification_mail_claim(integer, integer);
--rollback DROP POLICY mail_outbox_claim_update ON mail_outbox;
--rollback DROP POLICY mail_outbox_claim_read ON mail_outbox;
