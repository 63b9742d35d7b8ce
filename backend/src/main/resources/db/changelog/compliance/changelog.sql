--liquibase formatted sql

--changeset tracehub:compliance-001-rule-set-tables
--comment: Rule sets are versioned data (reference-data.md §2): which regimes apply to a product, which documents a destination needs, which rule checks which document type, and the rule parameters. A change in regulation is a new version inserted here, never a code change. Global and read-only for the application; under forced RLS with an explicit read-all policy like every table the app can reach.
CREATE TABLE compliance_rule_set (
  version         text PRIMARY KEY CHECK (version ~ '^[0-9]{4}\.[0-9]+$'),
  effective_from  date NOT NULL,
  source          text NOT NULL,
  notes           text
);
CREATE TABLE compliance_product (
  rule_set_version        text NOT NULL REFERENCES compliance_rule_set (version),
  product_type            text NOT NULL REFERENCES product_type (code),
  hs_headings             text[] NOT NULL,
  regimes                 text[] NOT NULL CHECK (regimes <@ ARRAY['eudr', 'veterinary', 'phytosanitary']),
  moisture_limit_percent  numeric(5, 2) CHECK (moisture_limit_percent BETWEEN 0 AND 100),
  PRIMARY KEY (rule_set_version, product_type)
);
-- destination: an ISO 3166 alpha-2 country, 'EU' for any member state (country.eu_member), '*' for anywhere.
-- document_type is the documents module's code; no foreign key so that compliance data does not depend
-- on the documents module's table layout.
CREATE TABLE compliance_required_document (
  rule_set_version  text NOT NULL REFERENCES compliance_rule_set (version),
  product_type      text NOT NULL REFERENCES product_type (code),
  destination       text NOT NULL CHECK (destination ~ '^([A-Z]{2}|\*)$'),
  document_type     text NOT NULL CHECK (document_type ~ '^[a-z_]{2,40}$'),
  position          integer NOT NULL,
  PRIMARY KEY (rule_set_version, product_type, destination, document_type)
);
CREATE TABLE compliance_rule (
  rule_set_version  text NOT NULL REFERENCES compliance_rule_set (version),
  rule_id           text NOT NULL CHECK (rule_id ~ '^[A-Z][A-Z0-9-]{2,40}$'),
  document_types    text[] NOT NULL,
  PRIMARY KEY (rule_set_version, rule_id)
);
CREATE TABLE compliance_parameter (
  rule_set_version  text NOT NULL REFERENCES compliance_rule_set (version),
  key               text NOT NULL CHECK (key ~ '^[a-z0-9_]{2,60}(\.[A-Z]{2})?$'),
  value             text NOT NULL,
  source            text,
  PRIMARY KEY (rule_set_version, key)
);
ALTER TABLE compliance_rule_set ENABLE ROW LEVEL SECURITY;
ALTER TABLE compliance_rule_set FORCE ROW LEVEL SECURITY;
CREATE POLICY compliance_rule_set_read ON compliance_rule_set FOR SELECT USING (true);
ALTER TABLE compliance_product ENABLE ROW LEVEL SECURITY;
ALTER TABLE compliance_product FORCE ROW LEVEL SECURITY;
CREATE POLICY compliance_product_read ON compliance_product FOR SELECT USING (true);
ALTER TABLE compliance_required_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE compliance_required_document FORCE ROW LEVEL SECURITY;
CREATE POLICY compliance_required_document_read ON compliance_required_document FOR SELECT USING (true);
ALTER TABLE compliance_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE compliance_rule FORCE ROW LEVEL SECURITY;
CREATE POLICY compliance_rule_read ON compliance_rule FOR SELECT USING (true);
ALTER TABLE compliance_parameter ENABLE ROW LEVEL SECURITY;
ALTER TABLE compliance_parameter FORCE ROW LEVEL SECURITY;
CREATE POLICY compliance_parameter_read ON compliance_parameter FOR SELECT USING (true);
-- Rule sets are written by migrations only, as the owning (migration) role: forced RLS applies to the
-- owner too, so it needs a write policy of its own. The application role has no write grant at all.
CREATE POLICY compliance_rule_set_owner_write ON compliance_rule_set FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY compliance_product_owner_write ON compliance_product FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY compliance_required_document_owner_write ON compliance_required_document FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY compliance_rule_owner_write ON compliance_rule FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY compliance_parameter_owner_write ON compliance_parameter FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
--rollback DROP TABLE compliance_parameter;
--rollback DROP TABLE compliance_rule;
--rollback DROP TABLE compliance_required_document;
--rollback DROP TABLE compliance_product;
--rollback DROP TABLE compliance_rule_set;

--changeset tracehub:compliance-002-rule-set-2026-1
--comment: The initial rule set, transcribed from reference-data.md §2 (product spec §3–§4). Hibiscus HS headings are marked verify in the source and kept as data here.
INSERT INTO compliance_rule_set (version, effective_from, source, notes) VALUES
  ('2026.1', '2026-01-01', 'TraceHub reference-data.md §2 (initial rule set); Regulation (EU) 2023/1115 Annex I for the EUDR regime; EU TRACES for animal by-products',
   'Initial rule set. Hibiscus HS headings (1211 / 0902) to be verified.');
INSERT INTO compliance_product (rule_set_version, product_type, hs_headings, regimes, moisture_limit_percent) VALUES
  ('2026.1', 'horn_hoof', ARRAY['0506', '0507'], ARRAY['veterinary'], NULL),
  ('2026.1', 'cocoa_beans', ARRAY['1801', '1802', '1803', '1804', '1805', '1806'], ARRAY['eudr', 'phytosanitary'], NULL),
  ('2026.1', 'coffee', ARRAY['0901'], ARRAY['eudr', 'phytosanitary'], NULL),
  ('2026.1', 'sweet_potato_pellets', ARRAY['0714'], ARRAY['phytosanitary'], 13),
  ('2026.1', 'hibiscus', ARRAY['1211', '0902'], ARRAY['phytosanitary'], NULL),
  ('2026.1', 'ginger', ARRAY['0910'], ARRAY['phytosanitary'], NULL),
  ('2026.1', 'sesame', ARRAY['1207'], ARRAY['phytosanitary'], NULL),
  ('2026.1', 'cashew', ARRAY['0801'], ARRAY['phytosanitary'], NULL),
  ('2026.1', 'other', ARRAY[]::text[], ARRAY[]::text[], NULL);
INSERT INTO compliance_required_document (rule_set_version, product_type, destination, document_type, position)
SELECT '2026.1', p.product_type, 'EU', d.document_type, d.position
  FROM (VALUES ('horn_hoof')) p (product_type),
       (VALUES ('eu_traces_certificate', 1), ('veterinary_health_certificate', 2), ('certificate_of_origin', 3),
               ('bill_of_lading', 4), ('commercial_invoice', 5), ('packing_list', 6), ('export_declaration', 7)) d (document_type, position)
UNION ALL
SELECT '2026.1', p.product_type, 'EU', d.document_type, d.position
  FROM (VALUES ('cocoa_beans'), ('coffee')) p (product_type),
       (VALUES ('certificate_of_origin', 1), ('bill_of_lading', 2), ('commercial_invoice', 3), ('packing_list', 4),
               ('phytosanitary_certificate', 5), ('quality_certificate', 6), ('eudr_dds_package', 7)) d (document_type, position)
UNION ALL
SELECT '2026.1', p.product_type, 'EU', d.document_type, d.position
  FROM (VALUES ('sweet_potato_pellets'), ('hibiscus'), ('ginger'), ('sesame'), ('cashew')) p (product_type),
       (VALUES ('phytosanitary_certificate', 1), ('certificate_of_origin', 2), ('quality_certificate', 3),
               ('bill_of_lading', 4), ('commercial_invoice', 5), ('packing_list', 6)) d (document_type, position)
UNION ALL
SELECT '2026.1', 'other', '*', d.document_type, d.position
  FROM (VALUES ('bill_of_lading', 1), ('commercial_invoice', 2), ('packing_list', 3), ('certificate_of_origin', 4)) d (document_type, position);
INSERT INTO compliance_rule (rule_set_version, rule_id, document_types) VALUES
  ('2026.1', 'DOC-REFERENCE', ARRAY['bill_of_lading', 'commercial_invoice', 'packing_list', 'certificate_of_origin',
      'phytosanitary_certificate', 'fumigation_certificate', 'veterinary_health_certificate', 'eu_traces_certificate',
      'export_declaration', 'quality_certificate', 'insurance_certificate', 'customs_declaration', 'contract']),
  ('2026.1', 'DOC-ISSUE-DATE', ARRAY['bill_of_lading', 'commercial_invoice', 'packing_list', 'certificate_of_origin',
      'phytosanitary_certificate', 'fumigation_certificate', 'veterinary_health_certificate', 'eu_traces_certificate',
      'export_declaration', 'quality_certificate', 'insurance_certificate', 'customs_declaration', 'contract']),
  ('2026.1', 'DOC-EXPIRY', ARRAY['phytosanitary_certificate', 'veterinary_health_certificate', 'fumigation_certificate',
      'insurance_certificate']),
  ('2026.1', 'DOC-EXPIRY-SOON', ARRAY['phytosanitary_certificate', 'veterinary_health_certificate', 'fumigation_certificate',
      'insurance_certificate']),
  ('2026.1', 'VET-ISSUED-BEFORE-DEPARTURE', ARRAY['veterinary_health_certificate']),
  ('2026.1', 'VET-ISSUER-AUTHORITY', ARRAY['veterinary_health_certificate']),
  ('2026.1', 'TRACES-NUMBER', ARRAY['eu_traces_certificate']),
  ('2026.1', 'COO-EXPORT-COUNTRY', ARRAY['certificate_of_origin']),
  ('2026.1', 'QUALITY-MOISTURE', ARRAY['quality_certificate']),
  ('2026.1', 'XD-CONTAINERS', ARRAY['bill_of_lading', 'packing_list', 'fumigation_certificate']),
  ('2026.1', 'XD-HS-CODES', ARRAY['bill_of_lading', 'certificate_of_origin', 'commercial_invoice']),
  ('2026.1', 'XD-WEIGHTS', ARRAY['bill_of_lading', 'packing_list', 'commercial_invoice']);
INSERT INTO compliance_parameter (rule_set_version, key, value, source) VALUES
  ('2026.1', 'expiry_warning_days', '30,14,7', 'product spec §3 (graded expiry warnings)'),
  ('2026.1', 'weight_tolerance_percent', '5', 'reference-data.md §2 (weights agree within 5 %)'),
  ('2026.1', 'vet_authority_keywords.NG', 'Nigeria,Nigerian,NVRI,Federal,NAQS,Veterinary',
   'original-system.md §4.3 (issuing authority names accepted for Nigerian veterinary certificates)');
--rollback DELETE FROM compliance_parameter WHERE rule_set_version = '2026.1';
--rollback DELETE FROM compliance_rule WHERE rule_set_version = '2026.1';
--rollback DELETE FROM compliance_required_document WHERE rule_set_version = '2026.1';
--rollback DELETE FROM compliance_product WHERE rule_set_version = '2026.1';
--rollback DELETE FROM compliance_rule_set WHERE version = '2026.1';

--changeset tracehub:compliance-003-tenant-tables
--comment: The one stored evaluation per shipment, the overrides compliance users record (revoked, never deleted), and the expiry warnings already raised (once per document and threshold). Rows carry the shipment owner's id so writes are checked without a join.
CREATE TABLE compliance_evaluation (
  shipment_id       uuid PRIMARY KEY REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  rule_set_version  text NOT NULL REFERENCES compliance_rule_set (version),
  overall           text NOT NULL CHECK (overall IN ('compliant', 'in_progress', 'non_compliant')),
  result            jsonb NOT NULL,
  next_expiry       date,
  evaluated_at      timestamptz NOT NULL
);
CREATE INDEX compliance_evaluation_expiry_idx ON compliance_evaluation (next_expiry) WHERE next_expiry IS NOT NULL;
CREATE INDEX compliance_evaluation_org_idx ON compliance_evaluation (organization_id, overall);

CREATE TABLE compliance_override (
  id                uuid PRIMARY KEY,
  shipment_id       uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  rule_id           text NOT NULL,
  document_id       uuid,
  reason            text NOT NULL CHECK (length(trim(reason)) BETWEEN 10 AND 2000),
  created_by        uuid NOT NULL REFERENCES app_user (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  revoked_at        timestamptz,
  revoked_by        uuid REFERENCES app_user (id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX compliance_override_shipment_idx ON compliance_override (shipment_id, created_at);

CREATE TABLE document_expiry_warning (
  document_id       uuid NOT NULL,
  threshold_days    integer NOT NULL CHECK (threshold_days IN (30, 14, 7, 0)),
  shipment_id       uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  expiry_date       date NOT NULL,
  raised_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, threshold_days)
);
CREATE INDEX document_expiry_warning_shipment_idx ON document_expiry_warning (shipment_id);
--rollback DROP TABLE document_expiry_warning;
--rollback DROP TABLE compliance_override;
--rollback DROP TABLE compliance_evaluation;

--changeset tracehub:compliance-004-row-level-security
--comment: The owner writes; whoever may see the shipment (buyer, parties) reads its evaluation, overrides and warnings. Overrides are never deleted: no DELETE policy or grant, and UPDATE only sets the revocation columns (column grant).
ALTER TABLE compliance_evaluation ENABLE ROW LEVEL SECURITY;
ALTER TABLE compliance_evaluation FORCE ROW LEVEL SECURITY;
CREATE POLICY compliance_evaluation_read ON compliance_evaluation FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY compliance_evaluation_own_write ON compliance_evaluation FOR ALL
  USING (organization_id = app_org_id()) WITH CHECK (organization_id = app_org_id());

ALTER TABLE compliance_override ENABLE ROW LEVEL SECURITY;
ALTER TABLE compliance_override FORCE ROW LEVEL SECURITY;
CREATE POLICY compliance_override_read ON compliance_override FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY compliance_override_own_insert ON compliance_override FOR INSERT
  WITH CHECK (organization_id = app_org_id());
CREATE POLICY compliance_override_own_revoke ON compliance_override FOR UPDATE
  USING (organization_id = app_org_id() AND revoked_at IS NULL) WITH CHECK (organization_id = app_org_id());

ALTER TABLE document_expiry_warning ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_expiry_warning FORCE ROW LEVEL SECURITY;
CREATE POLICY document_expiry_warning_read ON document_expiry_warning FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY document_expiry_warning_own_insert ON document_expiry_warning FOR INSERT
  WITH CHECK (organization_id = app_org_id());
--rollback DROP POLICY document_expiry_warning_own_insert ON document_expiry_warning;
--rollback DROP POLICY document_expiry_warning_read ON document_expiry_warning;
--rollback ALTER TABLE document_expiry_warning NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE document_expiry_warning DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY compliance_override_own_revoke ON compliance_override;
--rollback DROP POLICY compliance_override_own_insert ON compliance_override;
--rollback DROP POLICY compliance_override_read ON compliance_override;
--rollback ALTER TABLE compliance_override NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE compliance_override DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY compliance_evaluation_own_write ON compliance_evaluation;
--rollback DROP POLICY compliance_evaluation_read ON compliance_evaluation;
--rollback ALTER TABLE compliance_evaluation NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE compliance_evaluation DISABLE ROW LEVEL SECURITY;

--changeset tracehub:compliance-005-expiry-function splitStatements:false rollbackSplitStatements:false
--comment: The expiry job works across organisations, which no tenant scope can see (ADR 0004, like tracking_claim_due). This function is its one narrow door: from the stored evaluations it returns only the shipment ids and owners whose next expiry date falls within the horizon; the job then re-evaluates each shipment in its owner's scope, where row-level security applies as usual. It runs as its owner, which gets a read policy of its own for this.
CREATE POLICY compliance_evaluation_expiry_read ON compliance_evaluation FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION compliance_expiry_due(p_until date)
  RETURNS TABLE (shipment_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT e.shipment_id, e.organization_id FROM public.compliance_evaluation e
   WHERE e.next_expiry IS NOT NULL AND e.next_expiry <= p_until
   ORDER BY e.next_expiry
   LIMIT 10000;
$$;
REVOKE ALL ON FUNCTION compliance_expiry_due(date) FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION compliance_expiry_due(date) TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT ON compliance_rule_set, compliance_product, compliance_required_document, compliance_rule, compliance_parameter TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON compliance_evaluation TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT ON compliance_override TO %I', '${app_role}');
  EXECUTE format('GRANT UPDATE (revoked_at, revoked_by) ON compliance_override TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT ON document_expiry_warning TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON compliance_rule_set, compliance_product, compliance_required_document, compliance_rule, compliance_parameter, compliance_evaluation, compliance_override, document_expiry_warning FROM %I', '${app_role}');
--rollback END $$;
--rollback DROP FUNCTION compliance_expiry_due(date);
--rollback DROP POLICY compliance_evaluation_expiry_read ON compliance_evaluation;

--changeset tracehub:compliance-006-tenant-once-per-statement
--comment: As shipments-006: the tenant is read once per statement (an InitPlan) instead of once per row; the owner's rows then pass on a constant comparison before the EXISTS on shipment is needed. Same rule, same results.
ALTER POLICY compliance_evaluation_read ON compliance_evaluation
  USING (organization_id = (SELECT app_org_id()) OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
--rollback ALTER POLICY compliance_evaluation_read ON compliance_evaluation USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
