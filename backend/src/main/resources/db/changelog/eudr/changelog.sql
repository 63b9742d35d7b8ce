--liquibase formatted sql

--changeset tracehub:eudr-001-reference
--comment: EUDR reference data as data (reference data §3): the Annex I headings that bring a product into scope, and the regulation's dates (cut-off, application dates). A change in the regulation is a new changeset, not a code change.
CREATE TABLE eudr_annex_i_heading (
  hs_prefix    text PRIMARY KEY CHECK (hs_prefix ~ '^[0-9]{2,8}$'),
  commodity    text NOT NULL CHECK (commodity IN ('cattle', 'cocoa', 'coffee', 'oil_palm', 'rubber', 'soya', 'wood')),
  description  text NOT NULL,
  source       text NOT NULL
);
CREATE TABLE eudr_regulation_date (
  code         text PRIMARY KEY,
  date         date NOT NULL,
  description  text NOT NULL,
  source       text NOT NULL
);
INSERT INTO eudr_annex_i_heading (hs_prefix, commodity, description, source) VALUES
  ('010221', 'cattle', 'Live pure-bred breeding cattle', 'Regulation (EU) 2023/1115 Annex I'),
  ('010229', 'cattle', 'Live cattle, other', 'Regulation (EU) 2023/1115 Annex I'),
  ('0201', 'cattle', 'Meat of bovine animals, fresh or chilled', 'Regulation (EU) 2023/1115 Annex I'),
  ('0202', 'cattle', 'Meat of bovine animals, frozen', 'Regulation (EU) 2023/1115 Annex I'),
  ('020610', 'cattle', 'Edible offal of bovine animals, fresh or chilled', 'Regulation (EU) 2023/1115 Annex I'),
  ('020622', 'cattle', 'Edible bovine livers, frozen', 'Regulation (EU) 2023/1115 Annex I'),
  ('020629', 'cattle', 'Edible bovine offal, frozen, other', 'Regulation (EU) 2023/1115 Annex I'),
  ('4101', 'cattle', 'Raw hides and skins of bovine animals', 'Regulation (EU) 2023/1115 Annex I'),
  ('4104', 'cattle', 'Tanned or crust hides and skins of bovine animals', 'Regulation (EU) 2023/1115 Annex I'),
  ('4107', 'cattle', 'Leather of bovine animals, further prepared', 'Regulation (EU) 2023/1115 Annex I'),
  ('1801', 'cocoa', 'Cocoa beans, whole or broken, raw or roasted', 'Regulation (EU) 2023/1115 Annex I'),
  ('1802', 'cocoa', 'Cocoa shells, husks, skins and other cocoa waste', 'Regulation (EU) 2023/1115 Annex I'),
  ('1803', 'cocoa', 'Cocoa paste', 'Regulation (EU) 2023/1115 Annex I'),
  ('1804', 'cocoa', 'Cocoa butter, fat and oil', 'Regulation (EU) 2023/1115 Annex I'),
  ('1805', 'cocoa', 'Cocoa powder, not sweetened', 'Regulation (EU) 2023/1115 Annex I'),
  ('1806', 'cocoa', 'Chocolate and other food preparations containing cocoa', 'Regulation (EU) 2023/1115 Annex I'),
  ('0901', 'coffee', 'Coffee, roasted or not, decaffeinated or not; husks and skins; substitutes containing coffee', 'Regulation (EU) 2023/1115 Annex I'),
  ('120710', 'oil_palm', 'Palm nuts and kernels', 'Regulation (EU) 2023/1115 Annex I'),
  ('1511', 'oil_palm', 'Palm oil and its fractions', 'Regulation (EU) 2023/1115 Annex I'),
  ('151321', 'oil_palm', 'Palm kernel oil, crude', 'Regulation (EU) 2023/1115 Annex I'),
  ('151329', 'oil_palm', 'Palm kernel oil, other', 'Regulation (EU) 2023/1115 Annex I'),
  ('230660', 'oil_palm', 'Oilcake of palm nuts or kernels', 'Regulation (EU) 2023/1115 Annex I'),
  ('382311', 'oil_palm', 'Stearic acid', 'Regulation (EU) 2023/1115 Annex I'),
  ('382312', 'oil_palm', 'Oleic acid', 'Regulation (EU) 2023/1115 Annex I'),
  ('382319', 'oil_palm', 'Other industrial monocarboxylic fatty acids', 'Regulation (EU) 2023/1115 Annex I'),
  ('382370', 'oil_palm', 'Industrial fatty alcohols', 'Regulation (EU) 2023/1115 Annex I'),
  ('4001', 'rubber', 'Natural rubber', 'Regulation (EU) 2023/1115 Annex I'),
  ('4005', 'rubber', 'Compounded rubber, unvulcanised', 'Regulation (EU) 2023/1115 Annex I'),
  ('4006', 'rubber', 'Unvulcanised rubber in other forms', 'Regulation (EU) 2023/1115 Annex I'),
  ('4007', 'rubber', 'Vulcanised rubber thread and cord', 'Regulation (EU) 2023/1115 Annex I'),
  ('4008', 'rubber', 'Plates, sheets, strip of vulcanised rubber', 'Regulation (EU) 2023/1115 Annex I'),
  ('4010', 'rubber', 'Conveyor or transmission belts of vulcanised rubber', 'Regulation (EU) 2023/1115 Annex I'),
  ('4011', 'rubber', 'New pneumatic tyres of rubber', 'Regulation (EU) 2023/1115 Annex I'),
  ('4012', 'rubber', 'Retreaded or used tyres of rubber', 'Regulation (EU) 2023/1115 Annex I'),
  ('4013', 'rubber', 'Inner tubes of rubber', 'Regulation (EU) 2023/1115 Annex I'),
  ('4015', 'rubber', 'Articles of apparel of vulcanised rubber', 'Regulation (EU) 2023/1115 Annex I'),
  ('4016', 'rubber', 'Other articles of vulcanised rubber', 'Regulation (EU) 2023/1115 Annex I'),
  ('4017', 'rubber', 'Hard rubber and articles thereof', 'Regulation (EU) 2023/1115 Annex I'),
  ('1201', 'soya', 'Soya beans', 'Regulation (EU) 2023/1115 Annex I'),
  ('120810', 'soya', 'Soya bean flour and meal', 'Regulation (EU) 2023/1115 Annex I'),
  ('1507', 'soya', 'Soya-bean oil and its fractions', 'Regulation (EU) 2023/1115 Annex I'),
  ('2304', 'soya', 'Oilcake of soya beans', 'Regulation (EU) 2023/1115 Annex I'),
  ('4401', 'wood', 'Fuel wood, wood in chips or particles', 'Regulation (EU) 2023/1115 Annex I'),
  ('4402', 'wood', 'Wood charcoal', 'Regulation (EU) 2023/1115 Annex I'),
  ('4403', 'wood', 'Wood in the rough', 'Regulation (EU) 2023/1115 Annex I'),
  ('4404', 'wood', 'Hoopwood, split poles, stakes', 'Regulation (EU) 2023/1115 Annex I'),
  ('4405', 'wood', 'Wood wool and wood flour', 'Regulation (EU) 2023/1115 Annex I'),
  ('4406', 'wood', 'Railway or tramway sleepers of wood', 'Regulation (EU) 2023/1115 Annex I'),
  ('4407', 'wood', 'Wood sawn or chipped lengthwise', 'Regulation (EU) 2023/1115 Annex I'),
  ('4408', 'wood', 'Sheets for veneering and plywood', 'Regulation (EU) 2023/1115 Annex I'),
  ('4409', 'wood', 'Wood continuously shaped', 'Regulation (EU) 2023/1115 Annex I'),
  ('4410', 'wood', 'Particle board', 'Regulation (EU) 2023/1115 Annex I'),
  ('4411', 'wood', 'Fibreboard of wood', 'Regulation (EU) 2023/1115 Annex I'),
  ('4412', 'wood', 'Plywood, veneered panels', 'Regulation (EU) 2023/1115 Annex I'),
  ('4413', 'wood', 'Densified wood', 'Regulation (EU) 2023/1115 Annex I'),
  ('4414', 'wood', 'Wooden frames', 'Regulation (EU) 2023/1115 Annex I'),
  ('4415', 'wood', 'Packing cases, pallets of wood', 'Regulation (EU) 2023/1115 Annex I'),
  ('4416', 'wood', 'Casks, barrels of wood', 'Regulation (EU) 2023/1115 Annex I'),
  ('4417', 'wood', 'Tools, tool bodies and handles of wood', 'Regulation (EU) 2023/1115 Annex I'),
  ('4418', 'wood', 'Builders'' joinery and carpentry of wood', 'Regulation (EU) 2023/1115 Annex I'),
  ('4419', 'wood', 'Tableware and kitchenware of wood', 'Regulation (EU) 2023/1115 Annex I'),
  ('4420', 'wood', 'Wood marquetry, caskets, ornaments', 'Regulation (EU) 2023/1115 Annex I'),
  ('4421', 'wood', 'Other articles of wood', 'Regulation (EU) 2023/1115 Annex I'),
  ('47', 'wood', 'Pulp of wood or other fibrous cellulosic material', 'Regulation (EU) 2023/1115 Annex I'),
  ('48', 'wood', 'Paper and paperboard', 'Regulation (EU) 2023/1115 Annex I'),
  ('49', 'wood', 'Printed books, newspapers, pictures', 'Regulation (EU) 2023/1115 Annex I'),
  ('9401', 'wood', 'Seats (wooden)', 'Regulation (EU) 2023/1115 Annex I'),
  ('9403', 'wood', 'Other furniture (wooden)', 'Regulation (EU) 2023/1115 Annex I'),
  ('9406', 'wood', 'Prefabricated buildings (wooden)', 'Regulation (EU) 2023/1115 Annex I');
INSERT INTO eudr_regulation_date (code, date, description, source) VALUES
  ('cut_off', '2020-12-31', 'Goods must come from land not deforested after this date', 'Regulation (EU) 2023/1115 Art. 2(13)'),
  ('application_large_medium', '2026-12-30', 'Obligations apply to large and medium operators and traders', 'Regulation (EU) 2025/2650'),
  ('application_micro_small', '2027-06-30', 'Obligations apply to micro and small operators', 'Regulation (EU) 2025/2650');
--rollback DROP TABLE eudr_regulation_date;
--rollback DROP TABLE eudr_annex_i_heading;

--changeset tracehub:eudr-002-tables
--comment: Plots (origins) of a shipment, their link to product-line positions, and the ledger of DDS references the buyer files. organization_id is always the shipment owner; created_by_organization_id says who supplied the plot (the owner or a supplier party). Plots are never deleted by the application, only marked removed (EUDR keeps records 5 years); DDS amendments keep the previous values.
CREATE TABLE eudr_origin (
  id                          uuid PRIMARY KEY,
  shipment_id                 uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id             uuid NOT NULL REFERENCES organization (id),
  created_by                  uuid NOT NULL,
  created_by_organization_id  uuid NOT NULL REFERENCES organization (id),
  producer_name               text,
  producer_country            char(2) CHECK (producer_country ~ '^[A-Z]{2}$'),
  production_place            text,
  area_ha                     numeric(14, 4) CHECK (area_ha > 0),
  computed_area_ha            numeric(14, 4) NOT NULL DEFAULT 0,
  feature_index               integer NOT NULL DEFAULT 1 CHECK (feature_index > 0),
  geometry_type               text NOT NULL
                                CHECK (geometry_type IN ('Point', 'MultiPoint', 'Polygon', 'MultiPolygon', 'GeometryCollection')),
  geometry                    jsonb NOT NULL,
  production_start            date,
  production_end              date,
  repairs_applied             text[] NOT NULL DEFAULT '{}',
  created_at                  timestamptz NOT NULL DEFAULT now(),
  removed_at                  timestamptz,
  removed_by                  uuid,
  removed_reason              text,
  CONSTRAINT eudr_origin_dates_ck CHECK (production_end IS NULL OR production_start IS NULL OR production_start <= production_end)
);
CREATE INDEX eudr_origin_shipment_idx ON eudr_origin (shipment_id) WHERE removed_at IS NULL;

CREATE TABLE eudr_origin_line (
  origin_id        uuid NOT NULL REFERENCES eudr_origin (id) ON DELETE CASCADE,
  shipment_id      uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  line_position    integer NOT NULL CHECK (line_position > 0),
  PRIMARY KEY (origin_id, line_position)
);
CREATE INDEX eudr_origin_line_shipment_idx ON eudr_origin_line (shipment_id);

CREATE TABLE eudr_dds_reference (
  id                           uuid PRIMARY KEY,
  shipment_id                  uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id              uuid NOT NULL REFERENCES organization (id),
  buyer_organization_id        uuid REFERENCES organization (id),
  reference_number             text NOT NULL CHECK (reference_number ~ '^[A-Za-z0-9-]{3,50}$'),
  verification_number          text NOT NULL CHECK (verification_number ~ '^[A-Za-z0-9-]{3,50}$'),
  filed_at                     timestamptz NOT NULL,
  recorded_by                  uuid NOT NULL,
  recorded_by_organization_id  uuid NOT NULL REFERENCES organization (id),
  recorded_at                  timestamptz NOT NULL DEFAULT now(),
  amended_at                   timestamptz,
  amended_by                   uuid
);
CREATE INDEX eudr_dds_reference_shipment_idx ON eudr_dds_reference (shipment_id);

CREATE TABLE eudr_dds_amendment (
  id                            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dds_reference_id              uuid NOT NULL REFERENCES eudr_dds_reference (id) ON DELETE CASCADE,
  shipment_id                   uuid NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  organization_id               uuid NOT NULL REFERENCES organization (id),
  buyer_organization_id         uuid REFERENCES organization (id),
  previous_reference_number     text NOT NULL,
  previous_verification_number  text NOT NULL,
  previous_filed_at             timestamptz NOT NULL,
  amended_by                    uuid NOT NULL,
  amended_at                    timestamptz NOT NULL
);
--rollback DROP TABLE eudr_dds_amendment;
--rollback DROP TABLE eudr_dds_reference;
--rollback DROP TABLE eudr_origin_line;
--rollback DROP TABLE eudr_origin;

--changeset tracehub:eudr-003-row-level-security
--comment: Owner org reads and writes everything; whoever sees the shipment (buyer, parties) reads. A supplier party adds plots to shipments it is a supplier of, and marks removed only the plots its organisation supplied. DDS references are written only by the shipment's buyer organisation or its owner. Reference tables are readable by everyone (policy USING true) and written only by migrations.
ALTER TABLE eudr_annex_i_heading ENABLE ROW LEVEL SECURITY;
ALTER TABLE eudr_annex_i_heading FORCE ROW LEVEL SECURITY;
CREATE POLICY eudr_annex_i_heading_read ON eudr_annex_i_heading FOR SELECT USING (true);
ALTER TABLE eudr_regulation_date ENABLE ROW LEVEL SECURITY;
ALTER TABLE eudr_regulation_date FORCE ROW LEVEL SECURITY;
CREATE POLICY eudr_regulation_date_read ON eudr_regulation_date FOR SELECT USING (true);

ALTER TABLE eudr_origin ENABLE ROW LEVEL SECURITY;
ALTER TABLE eudr_origin FORCE ROW LEVEL SECURITY;
CREATE POLICY eudr_origin_read ON eudr_origin FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY eudr_origin_insert ON eudr_origin FOR INSERT
  WITH CHECK (created_by_organization_id = app_org_id()
    AND EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id AND s.organization_id = eudr_origin.organization_id)
    AND (organization_id = app_org_id()
      OR EXISTS (SELECT 1 FROM shipment_party p WHERE p.shipment_id = eudr_origin.shipment_id
                   AND p.party_organization_id = app_org_id() AND p.role = 'supplier')));
CREATE POLICY eudr_origin_update ON eudr_origin FOR UPDATE
  USING (organization_id = app_org_id()
    OR (created_by_organization_id = app_org_id()
      AND EXISTS (SELECT 1 FROM shipment_party p WHERE p.shipment_id = eudr_origin.shipment_id
                    AND p.party_organization_id = app_org_id() AND p.role = 'supplier')))
  WITH CHECK (organization_id = app_org_id() OR created_by_organization_id = app_org_id());

ALTER TABLE eudr_origin_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE eudr_origin_line FORCE ROW LEVEL SECURITY;
CREATE POLICY eudr_origin_line_read ON eudr_origin_line FOR SELECT
  USING (organization_id = app_org_id() OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY eudr_origin_line_insert ON eudr_origin_line FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM eudr_origin o WHERE o.id = origin_id AND o.shipment_id = eudr_origin_line.shipment_id
    AND o.organization_id = eudr_origin_line.organization_id AND o.removed_at IS NULL
    AND (o.organization_id = app_org_id() OR o.created_by_organization_id = app_org_id())));

ALTER TABLE eudr_dds_reference ENABLE ROW LEVEL SECURITY;
ALTER TABLE eudr_dds_reference FORCE ROW LEVEL SECURITY;
CREATE POLICY eudr_dds_reference_read ON eudr_dds_reference FOR SELECT
  USING (organization_id = app_org_id() OR buyer_organization_id = app_org_id()
    OR EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id));
CREATE POLICY eudr_dds_reference_write ON eudr_dds_reference FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM shipment s WHERE s.id = shipment_id
    AND s.organization_id = eudr_dds_reference.organization_id
    AND s.buyer_organization_id IS NOT DISTINCT FROM eudr_dds_reference.buyer_organization_id
    AND (s.organization_id = app_org_id() OR s.buyer_organization_id = app_org_id())));
CREATE POLICY eudr_dds_reference_amend ON eudr_dds_reference FOR UPDATE
  USING (organization_id = app_org_id() OR buyer_organization_id = app_org_id())
  WITH CHECK (organization_id = app_org_id() OR buyer_organization_id = app_org_id());

ALTER TABLE eudr_dds_amendment ENABLE ROW LEVEL SECURITY;
ALTER TABLE eudr_dds_amendment FORCE ROW LEVEL SECURITY;
CREATE POLICY eudr_dds_amendment_read ON eudr_dds_amendment FOR SELECT
  USING (organization_id = app_org_id() OR buyer_organization_id = app_org_id());
CREATE POLICY eudr_dds_amendment_insert ON eudr_dds_amendment FOR INSERT
  WITH CHECK (organization_id = app_org_id() OR buyer_organization_id = app_org_id());
--rollback DROP POLICY eudr_dds_amendment_insert ON eudr_dds_amendment;
--rollback DROP POLICY eudr_dds_amendment_read ON eudr_dds_amendment;
--rollback ALTER TABLE eudr_dds_amendment NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE eudr_dds_amendment DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY eudr_dds_reference_amend ON eudr_dds_reference;
--rollback DROP POLICY eudr_dds_reference_write ON eudr_dds_reference;
--rollback DROP POLICY eudr_dds_reference_read ON eudr_dds_reference;
--rollback ALTER TABLE eudr_dds_reference NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE eudr_dds_reference DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY eudr_origin_line_insert ON eudr_origin_line;
--rollback DROP POLICY eudr_origin_line_read ON eudr_origin_line;
--rollback ALTER TABLE eudr_origin_line NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE eudr_origin_line DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY eudr_origin_update ON eudr_origin;
--rollback DROP POLICY eudr_origin_insert ON eudr_origin;
--rollback DROP POLICY eudr_origin_read ON eudr_origin;
--rollback ALTER TABLE eudr_origin NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE eudr_origin DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY eudr_regulation_date_read ON eudr_regulation_date;
--rollback ALTER TABLE eudr_regulation_date NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE eudr_regulation_date DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY eudr_annex_i_heading_read ON eudr_annex_i_heading;
--rollback ALTER TABLE eudr_annex_i_heading NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE eudr_annex_i_heading DISABLE ROW LEVEL SECURITY;

--changeset tracehub:eudr-004-grants splitStatements:false rollbackSplitStatements:false
--comment: No DELETE grant on plots (they are marked removed) nor on the DDS ledger; amendments are append-only.
DO $$
BEGIN
  EXECUTE format('GRANT SELECT ON eudr_annex_i_heading, eudr_regulation_date TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT, UPDATE ON eudr_origin, eudr_dds_reference TO %I', '${app_role}');
  EXECUTE format('GRANT SELECT, INSERT ON eudr_origin_line, eudr_dds_amendment TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON eudr_annex_i_heading, eudr_regulation_date, eudr_origin, eudr_origin_line, eudr_dds_reference, eudr_dds_amendment FROM %I', '${app_role}');
--rollback END $$;
