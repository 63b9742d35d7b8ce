--liquibase formatted sql

--changeset tracehub:shipments-001-trigram
--comment: Trigram indexes make substring search (a container number's last digits, part of a B/L) fast at 100k+ shipments. pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--rollback DROP EXTENSION IF EXISTS pg_trgm;

--changeset tracehub:shipments-002-tables
--comment: The shipment aggregate. organization_id is the owner; the buyer organisation and party organisations (suppliers, forwarders) get read access. Child rows carry the owner id so writes are checked without a join.
CREATE TABLE shipment (
  id                     uuid PRIMARY KEY,
  organization_id        uuid NOT NULL REFERENCES organization (id),
  reference              text NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9/_.-]{1,39}$'),
  product_type           text NOT NULL REFERENCES product_type (code),
  buyer_organization_id  uuid REFERENCES organization (id),
  exporter_name          text,
  exporter_address       text,
  importer_name          text,
  importer_address       text,
  bill_of_lading         text,
  booking_reference      text,
  carrier_scac           char(4) CHECK (carrier_scac ~ '^[A-Z]{4}$'),
  carrier_name           text,
  vessel_name            text,
  voyage                 text,
  port_of_loading        char(5) CHECK (port_of_loading ~ '^[A-Z]{2}[A-Z2-9]{3}$'),
  port_of_discharge      char(5) CHECK (port_of_discharge ~ '^[A-Z]{2}[A-Z2-9]{3}$'),
  final_destination      text,
  incoterms              text CHECK (incoterms IN ('EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP')),
  etd                    timestamptz,
  eta                    timestamptz,
  eta_original           timestamptz,
  atd                    timestamptz,
  ata                    timestamptz,
  status                 text NOT NULL CHECK (status IN ('draft', 'docs_pending', 'docs_complete', 'in_transit', 'arrived', 'customs', 'delivered', 'archived')),
  attention              text[] NOT NULL DEFAULT '{}',
  needs_attention        boolean GENERATED ALWAYS AS (cardinality(attention) > 0) STORED,
  notes                  text,
  search_text            text NOT NULL DEFAULT '',
  version                integer NOT NULL DEFAULT 0,
  created_by             uuid,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_by             uuid,
  updated_at             timestamptz NOT NULL DEFAULT now(),
  archived_at            timestamptz
);
CREATE UNIQUE INDEX shipment_reference_uq ON shipment (organization_id, upper(reference));
CREATE INDEX shipment_org_eta_idx ON shipment (organization_id, eta, id);
CREATE INDEX shipment_org_status_eta_idx ON shipment (organization_id, status, eta);
CREATE INDEX shipment_org_updated_idx ON shipment (organization_id, updated_at DESC);
CREATE INDEX shipment_buyer_eta_idx ON shipment (buyer_organization_id, eta) WHERE buyer_organization_id IS NOT NULL;
CREATE INDEX shipment_attention_idx ON shipment (organization_id, eta) WHERE needs_attention;
CREATE INDEX shipment_search_trgm_idx ON shipment USING gin (search_text gin_trgm_ops);

CREATE TABLE shipment_party (
  shipment_id            uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id        uuid NOT NULL REFERENCES organization (id),
  party_organization_id  uuid NOT NULL REFERENCES organization (id),
  role                   text NOT NULL CHECK (role IN ('supplier', 'logistics')),
  PRIMARY KEY (shipment_id, party_organization_id)
);
CREATE INDEX shipment_party_party_idx ON shipment_party (party_organization_id, shipment_id);

CREATE TABLE shipment_container (
  id                uuid PRIMARY KEY,
  shipment_id       uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  position          integer NOT NULL,
  container_number  char(11) NOT NULL CHECK (container_number ~ '^[A-Z]{3}[UJZ][0-9]{7}$'),
  iso_type          char(4) CHECK (iso_type ~ '^[0-9A-Z]{4}$'),
  seal_number       text,
  gross_weight_kg   numeric(12, 2) CHECK (gross_weight_kg > 0),
  tracking_status   text,
  CONSTRAINT shipment_container_uq UNIQUE (shipment_id, container_number)
);
CREATE INDEX shipment_container_number_idx ON shipment_container (container_number);

CREATE TABLE shipment_product_line (
  id                 uuid PRIMARY KEY,
  shipment_id        uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id    uuid NOT NULL REFERENCES organization (id),
  position           integer NOT NULL,
  hs_code            text NOT NULL CHECK (hs_code ~ '^[0-9]{4,10}$'),
  description        text NOT NULL,
  net_weight_kg      numeric(12, 2) CHECK (net_weight_kg > 0),
  gross_weight_kg    numeric(12, 2) CHECK (gross_weight_kg > 0),
  packages           integer CHECK (packages > 0),
  packaging_type     text,
  batch_numbers      text,
  quality_grade      text,
  moisture_percent   numeric(5, 2) CHECK (moisture_percent BETWEEN 0 AND 100),
  container_number   char(11)
);
CREATE INDEX shipment_product_line_shipment_idx ON shipment_product_line (shipment_id, position);

CREATE TABLE shipment_status_change (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  shipment_id      uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  from_status      text,
  to_status        text NOT NULL,
  reason           text,
  source           text NOT NULL CHECK (source IN ('user', 'tracking', 'import', 'system')),
  actor_user_id    uuid,
  occurred_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipment_status_change_shipment_idx ON shipment_status_change (shipment_id, id);
--rollback DROP TABLE shipment_status_change;
--rollback DROP TABLE shipment_product_line;
--rollback DROP TABLE shipment_container;
--rollback DROP TABLE shipment_party;
--rollback DROP TABLE shipment;

--changeset tracehub:shipments-003-row-level-security
--comment: The owner reads and writes; the buyer organisation and party organisations read. Child tables are visible exactly when their shipment is (the sub-select runs under shipment's own policy).
ALTER TABLE shipment ENABLE ROW LEVEL SECURITY;
ALTER TABLE shipment FORCE ROW LEVEL SECURITY;
CREATE POLICY shipment_read ON shipment FOR SELECT
  USING (organization_id = app_org_id()
      OR buyer_organization_id = app_org_id()
      OR id IN (SELECT p.shipment_id FROM shipment_party p WHERE p.party_organization_id = app_org_id()));
CREATE POLICY shipment_own_write ON shipment FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());

ALTER TABLE shipment_party ENABLE ROW LEVEL SECURITY;
ALTER TABLE shipment_party FORCE ROW LEVEL SECURITY;
CREATE POLICY shipment_party_read ON shipment_party FOR SELECT
  USING (organization_id = app_org_id() OR party_organization_id = app_org_id());
CREATE POLICY shipment_party_own_write ON shipment_party FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());

ALTER TABLE shipment_container ENABLE ROW LEVEL SECURITY;
ALTER TABLE shipment_container FORCE ROW LEVEL SECURITY;
CREATE POLICY shipment_container_read ON shipment_container FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY shipment_container_own_write ON shipment_container FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());

ALTER TABLE shipment_product_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE shipment_product_line FORCE ROW LEVEL SECURITY;
CREATE POLICY shipment_product_line_read ON shipment_product_line FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY shipment_product_line_own_write ON shipment_product_line FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());

ALTER TABLE shipment_status_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE shipment_status_change FORCE ROW LEVEL SECURITY;
CREATE POLICY shipment_status_change_read ON shipment_status_change FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY shipment_status_change_own_insert ON shipment_status_change FOR INSERT
  WITH CHECK (organization_id = app_org_id());
--rollback DROP POLICY shipment_status_change_own_insert ON shipment_status_change;
--rollback DROP POLICY shipment_status_change_read ON shipment_status_change;
--rollback ALTER TABLE shipment_status_change NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE shipment_status_change DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY shipment_product_line_own_write ON shipment_product_line;
--rollback DROP POLICY shipment_product_line_read ON shipment_product_line;
--rollback ALTER TABLE shipment_product_line NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE shipment_product_line DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY shipment_container_own_write ON shipment_container;
--rollback DROP POLICY shipment_container_read ON shipment_container;
--rollback ALTER TABLE shipment_container NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE shipment_container DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY shipment_party_own_write ON shipment_party;
--rollback DROP POLICY shipment_party_read ON shipment_party;
--rollback ALTER TABLE shipment_party NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE shipment_party DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY shipment_own_write ON shipment;
--rollback DROP POLICY shipment_read ON shipment;
--rollback ALTER TABLE shipment NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE shipment DISABLE ROW LEVEL SECURITY;

--changeset tracehub:shipments-004-grants splitStatements:false rollbackSplitStatements:false
--comment: Status history is append-only for the application: no UPDATE or DELETE grant.
DO $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON shipment, shipment_party, shipment_container, shipment_product_line TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT ON shipment_status_change TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON shipment, shipment_party, shipment_container, shipment_product_line, shipment_status_change FROM %I', '${app_role}');
--rollback END $$;

--changeset tracehub:shipments-005-text-search splitStatements:false rollbackSplitStatements:false
--comment: Substring search must use the trigram index, but under row-level security PostgreSQL will not use an index for a non-leakproof operator such as LIKE (it must check the policy first), so every search would scan the table. This SECURITY DEFINER function runs the LIKE as the owner (who gets read-only policies of its own for it) and applies the same visibility rule as the shipment_read policy, from the transaction's tenant setting, not from a parameter. The caller still reads the rows through RLS.
CREATE POLICY shipment_search_owner_read ON shipment FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY shipment_party_search_owner_read ON shipment_party FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION shipment_text_search(p_pattern text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 50 SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.id FROM public.shipment s
   WHERE s.search_text LIKE p_pattern
     AND (s.organization_id = public.app_org_id()
          OR s.buyer_organization_id = public.app_org_id()
          OR s.id IN (SELECT p.shipment_id FROM public.shipment_party p
                       WHERE p.party_organization_id = public.app_org_id()));
$$;
REVOKE ALL ON FUNCTION shipment_text_search(text) FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION shipment_text_search(text) TO %I', '${app_role}');
END $$;
--rollback DROP FUNCTION shipment_text_search(text);
--rollback DROP POLICY shipment_party_search_owner_read ON shipment_party;
--rollback DROP POLICY shipment_search_owner_read ON shipment;

--changeset tracehub:shipments-006-tenant-once-per-statement
--comment: Measured at 100,000 shipments (docs/operations/performance.md): a policy comparing with app_org_id() evaluates it for every row — current_setting() and a text-to-uuid parse per row, about half the time of counting a large tenant's list. Wrapped in a scalar sub-select, PostgreSQL computes it once per statement (an InitPlan) and compares a constant. Same rule, same results; only how often the tenant is read changes.
ALTER POLICY shipment_read ON shipment
  USING (organization_id = (SELECT app_org_id())
      OR buyer_organization_id = (SELECT app_org_id())
      OR id IN (SELECT p.shipment_id FROM shipment_party p WHERE p.party_organization_id = (SELECT app_org_id())));
ALTER POLICY shipment_own_write ON shipment
  USING (organization_id = (SELECT app_org_id())) WITH CHECK (organization_id = (SELECT app_org_id()));
ALTER POLICY shipment_party_read ON shipment_party
  USING (organization_id = (SELECT app_org_id()) OR party_organization_id = (SELECT app_org_id()));
ALTER POLICY shipment_party_own_write ON shipment_party
  USING (organization_id = (SELECT app_org_id())) WITH CHECK (organization_id = (SELECT app_org_id()));
--rollback ALTER POLICY shipment_party_own_write ON shipment_party USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());
--rollback ALTER POLICY shipment_party_read ON shipment_party USING (organization_id = app_org_id() OR party_organization_id = app_org_id());
--rollback ALTER POLICY shipment_own_write ON shipment USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());
--rollback ALTER POLICY shipment_read ON shipment USING (organization_id = app_org_id() OR buyer_organization_id = app_org_id() OR id IN (SELECT p.shipment_id FROM shipment_party p WHERE p.party_organization_id = app_org_id()));

--changeset tracehub:shipments-007-etd-sort-index
--comment: Sorting the list by ETD had no index: at 100,000 shipments every page sorted the tenant's whole list (a sequential scan with the policy per row, ~0.4 s). Like the ETA index, with the id as tie-breaker.
CREATE INDEX shipment_org_etd_idx ON shipment (organization_id, etd, id);
--rollback DROP INDEX shipment_org_etd_idx;
