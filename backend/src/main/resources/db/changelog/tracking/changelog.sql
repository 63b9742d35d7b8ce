--liquibase formatted sql

--changeset tracehub:tracking-001-tables
--comment: Tracking subscriptions (one per container of a shipment, the unit of polling work), the DCSA events received, and the inbox of webhook payloads (stored before processing).
CREATE TABLE tracking_subscription (
  id                  uuid PRIMARY KEY,
  organization_id     uuid NOT NULL REFERENCES organization (id),
  shipment_id         uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  container_number    char(11) NOT NULL,
  provider            text NOT NULL,
  provider_reference  text,
  state               text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'completed', 'stopped')),
  phase               text NOT NULL DEFAULT 'pre_departure'
                        CHECK (phase IN ('pre_departure', 'at_sea', 'arrived', 'delivered')),
  started_at          timestamptz NOT NULL DEFAULT now(),
  next_check_at       timestamptz NOT NULL DEFAULT now(),
  last_checked_at     timestamptz,
  last_success_at     timestamptz,
  last_error          text,
  failure_count       integer NOT NULL DEFAULT 0,
  lease_until         timestamptz,
  leased_by           text,
  polls               bigint NOT NULL DEFAULT 0,
  CONSTRAINT tracking_subscription_uq UNIQUE (shipment_id, container_number)
);
CREATE INDEX tracking_subscription_due_idx ON tracking_subscription (next_check_at) WHERE state = 'active';
CREATE INDEX tracking_subscription_reference_idx ON tracking_subscription (provider, provider_reference);
CREATE INDEX tracking_subscription_container_idx ON tracking_subscription (organization_id, container_number);

CREATE TABLE tracking_event (
  id                 uuid PRIMARY KEY,
  organization_id    uuid NOT NULL REFERENCES organization (id),
  shipment_id        uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  container_number   char(11) NOT NULL,
  provider           text NOT NULL,
  provider_event_id  text NOT NULL,
  dcsa_code          text REFERENCES dcsa_event_code (code),
  provider_code      text NOT NULL,
  family             text NOT NULL CHECK (family IN ('equipment', 'transport')),
  classifier         text NOT NULL CHECK (classifier IN ('ACT', 'EST', 'PLN')),
  event_time         timestamptz NOT NULL,
  unlocode           text,
  location_name      text,
  facility_type      text,
  vessel_name        text,
  voyage             text,
  empty_indicator    text,
  derived            boolean NOT NULL DEFAULT false,
  retracted          boolean NOT NULL DEFAULT false,
  received_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tracking_event_uq UNIQUE (shipment_id, container_number, provider, provider_event_id)
);
CREATE INDEX tracking_event_shipment_idx ON tracking_event (shipment_id, event_time);

CREATE TABLE webhook_inbox (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  provider          text NOT NULL,
  received_at       timestamptz NOT NULL DEFAULT now(),
  signature_valid   boolean NOT NULL,
  status            text NOT NULL CHECK (status IN ('received', 'rejected', 'processed', 'failed', 'unmatched')),
  payload           text NOT NULL,
  payload_sha256    text NOT NULL,
  events_recorded   integer NOT NULL DEFAULT 0,
  attempts          integer NOT NULL DEFAULT 0,
  last_error        text,
  processed_at      timestamptz
);
CREATE INDEX webhook_inbox_org_idx ON webhook_inbox (organization_id, received_at DESC);
--rollback DROP TABLE webhook_inbox;
--rollback DROP TABLE tracking_event;
--rollback DROP TABLE tracking_subscription;

--changeset tracehub:tracking-002-row-level-security
--comment: The owner organisation reads and writes; anyone who may see the shipment reads its tracking.
ALTER TABLE tracking_subscription ENABLE ROW LEVEL SECURITY;
ALTER TABLE tracking_subscription FORCE ROW LEVEL SECURITY;
CREATE POLICY tracking_subscription_read ON tracking_subscription FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY tracking_subscription_own_write ON tracking_subscription FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());

ALTER TABLE tracking_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE tracking_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tracking_event_read ON tracking_event FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY tracking_event_own_write ON tracking_event FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());

ALTER TABLE webhook_inbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_inbox FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_inbox_own ON webhook_inbox FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());
--rollback DROP POLICY webhook_inbox_own ON webhook_inbox;
--rollback ALTER TABLE webhook_inbox NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE webhook_inbox DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY tracking_event_own_write ON tracking_event;
--rollback DROP POLICY tracking_event_read ON tracking_event;
--rollback ALTER TABLE tracking_event NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE tracking_event DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY tracking_subscription_own_write ON tracking_subscription;
--rollback DROP POLICY tracking_subscription_read ON tracking_subscription;
--rollback ALTER TABLE tracking_subscription NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE tracking_subscription DISABLE ROW LEVEL SECURITY;

--changeset tracehub:tracking-003-claim-function splitStatements:false rollbackSplitStatements:false
--comment: The scheduler works across organisations, which no tenant scope can see. This function is the one narrow door: it leases due subscriptions with FOR UPDATE SKIP LOCKED (so several instances never take the same container) and returns only ids and owners; the poll itself then runs in the owner's scope. It runs as its owner, which gets policies of its own for this.
CREATE POLICY tracking_subscription_claim_read ON tracking_subscription FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY tracking_subscription_claim_update ON tracking_subscription FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE FUNCTION tracking_claim_due(p_limit integer, p_lease_seconds integer, p_instance text)
  RETURNS TABLE (subscription_id uuid, organization_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  UPDATE public.tracking_subscription t
     SET lease_until = now() + make_interval(secs => p_lease_seconds), leased_by = p_instance
   WHERE t.id IN (
         SELECT d.id FROM public.tracking_subscription d
          WHERE d.state = 'active' AND d.next_check_at <= now()
            AND (d.lease_until IS NULL OR d.lease_until < now())
          ORDER BY d.next_check_at
          LIMIT least(greatest(p_limit, 1), 100)
          FOR UPDATE SKIP LOCKED)
  RETURNING t.id, t.organization_id;
$$;
CREATE FUNCTION tracking_reconcile_stale(p_older_than_seconds integer)
  RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  WITH due AS (
    UPDATE public.tracking_subscription t SET next_check_at = now()
     WHERE t.state = 'active' AND t.next_check_at > now()
       AND coalesce(t.last_success_at, t.started_at) < now() - make_interval(secs => p_older_than_seconds)
    RETURNING 1)
  SELECT count(*)::integer FROM due;
$$;
REVOKE ALL ON FUNCTION tracking_claim_due(integer, integer, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION tracking_reconcile_stale(integer) FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION tracking_claim_due(integer, integer, text) TO %I', '${app_role}');
  EXECUTE format('GRANT EXECUTE ON FUNCTION tracking_reconcile_stale(integer) TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON tracking_subscription, tracking_event TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT, UPDATE ON webhook_inbox TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON tracking_subscription, tracking_event, webhook_inbox FROM %I', '${app_role}');
--rollback END $$;
--rollback DROP FUNCTION tracking_reconcile_stale(integer);
--rollback DROP FUNCTION tracking_claim_due(integer, integer, text);
--rollback DROP POLICY tracking_subscription_claim_update ON tracking_subscription;
--rollback DROP POLICY tracking_subscription_claim_read ON tracking_subscription;

--changeset tracehub:tracking-004-shedlock
--comment: ShedLock's table: singleton jobs (nightly reconcile) run on one instance at a time. It holds no tenant data (job names and lease times shared by every instance), so its policy is an explicit allow-all: the table still sits under forced RLS like every table the app can reach.
CREATE TABLE shedlock (
  name        varchar(64) PRIMARY KEY,
  lock_until  timestamptz NOT NULL,
  locked_at   timestamptz NOT NULL,
  locked_by   varchar(255) NOT NULL
);
ALTER TABLE shedlock ENABLE ROW LEVEL SECURITY;
ALTER TABLE shedlock FORCE ROW LEVEL SECURITY;
CREATE POLICY shedlock_shared ON shedlock FOR ALL USING (true) WITH CHECK (true);
--rollback DROP TABLE shedlock;

--changeset tracehub:tracking-005-shedlock-grants splitStatements:false rollbackSplitStatements:false
DO $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE ON shedlock TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON shedlock FROM %I', '${app_role}');
--rollback END $$;
