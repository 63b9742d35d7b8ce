--liquibase formatted sql

--changeset tracehub:reference-001-tables
--comment: Global reference data, the same for every organisation: readable by all, written only by migrations.
CREATE TABLE country (
  code            char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
  name            text NOT NULL,
  eu_member       boolean NOT NULL,
  eudr_risk       text NOT NULL CHECK (eudr_risk IN ('low', 'standard', 'high')),
  risk_source     text NOT NULL,
  risk_effective  date NOT NULL
);
CREATE TABLE location (
  unlocode      char(5) PRIMARY KEY CHECK (unlocode ~ '^[A-Z]{2}[A-Z2-9]{3}$'),
  country_code  char(2) NOT NULL REFERENCES country (code),
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('seaport', 'city', 'inland')),
  latitude      numeric(8, 5) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude     numeric(8, 5) NOT NULL CHECK (longitude BETWEEN -180 AND 180)
);
CREATE INDEX location_country_idx ON location (country_code);
--rollback DROP TABLE location;
--rollback DROP TABLE country;

--changeset tracehub:reference-002-grants splitStatements:false rollbackSplitStatements:false
DO $$
BEGIN
  EXECUTE format('GRANT SELECT ON country, location TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON country, location FROM %I', '${app_role}');
--rollback END $$;

--changeset tracehub:reference-003-seed-countries
INSERT INTO country (code, name, eu_member, eudr_risk, risk_source, risk_effective) VALUES
  ('NG', 'Nigeria', false, 'standard', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('GH', 'Ghana', false, 'standard', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('CI', 'Côte d''Ivoire', false, 'standard', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('CM', 'Cameroon', false, 'standard', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('MA', 'Morocco', false, 'standard', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('AT', 'Austria', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('BE', 'Belgium', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('BG', 'Bulgaria', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('HR', 'Croatia', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('CY', 'Cyprus', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('CZ', 'Czechia', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('DK', 'Denmark', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('EE', 'Estonia', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('FI', 'Finland', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('FR', 'France', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('DE', 'Germany', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('GR', 'Greece', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('HU', 'Hungary', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('IE', 'Ireland', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('IT', 'Italy', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('LV', 'Latvia', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('LT', 'Lithuania', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('LU', 'Luxembourg', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('MT', 'Malta', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('NL', 'Netherlands', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('PL', 'Poland', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('PT', 'Portugal', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('RO', 'Romania', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('SK', 'Slovakia', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('SI', 'Slovenia', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('ES', 'Spain', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22'),
  ('SE', 'Sweden', true, 'low', 'Commission Implementing Regulation (EU) 2025/1093', '2025-05-22');
--rollback DELETE FROM country;

--changeset tracehub:reference-004-seed-locations
INSERT INTO location (unlocode, country_code, name, kind, latitude, longitude) VALUES
  ('NGAPP', 'NG', 'Apapa', 'seaport', 6.44880, 3.36410),
  ('NGTIN', 'NG', 'Tin Can Island', 'seaport', 6.43330, 3.35000),
  ('NGLOS', 'NG', 'Lagos', 'city', 6.45310, 3.39580),
  ('NGONN', 'NG', 'Onne', 'seaport', 4.71670, 7.15000),
  ('NGPHC', 'NG', 'Port Harcourt', 'seaport', 4.77770, 7.01340),
  ('DEHAM', 'DE', 'Hamburg', 'seaport', 53.54610, 9.96610),
  ('DEBRV', 'DE', 'Bremerhaven', 'seaport', 53.55000, 8.58330),
  ('NLRTM', 'NL', 'Rotterdam', 'seaport', 51.92250, 4.47917),
  ('BEANR', 'BE', 'Antwerp', 'seaport', 51.21940, 4.40250),
  ('FRLEH', 'FR', 'Le Havre', 'seaport', 49.49440, 0.10790),
  ('ESALG', 'ES', 'Algeciras', 'seaport', 36.13070, -5.45360),
  ('ESVLC', 'ES', 'Valencia', 'seaport', 39.44800, -0.31900),
  ('MAPTM', 'MA', 'Tanger Med', 'seaport', 35.88830, -5.50390),
  ('PTSIE', 'PT', 'Sines', 'seaport', 37.95000, -8.86670);
--rollback DELETE FROM location;

--changeset tracehub:reference-005-carriers-products-events
--comment: Carriers (SCAC), product types with their HS headings, and the DCSA Track & Trace event codes the tracking model uses.
CREATE TABLE carrier (
  scac  char(4) PRIMARY KEY CHECK (scac ~ '^[A-Z]{4}$'),
  name  text NOT NULL
);
CREATE TABLE product_type (
  code         text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,40}$'),
  name         text NOT NULL,
  hs_headings  text[] NOT NULL,
  eudr_annex_i boolean NOT NULL,
  position     integer NOT NULL
);
CREATE TABLE dcsa_event_code (
  code         text PRIMARY KEY CHECK (code ~ '^[A-Z]{4}$'),
  family       text NOT NULL CHECK (family IN ('equipment', 'transport')),
  description  text NOT NULL
);
INSERT INTO carrier (scac, name) VALUES
  ('MAEU', 'Maersk'),
  ('MSCU', 'MSC Mediterranean Shipping Company'),
  ('HLCU', 'Hapag-Lloyd'),
  ('CMDU', 'CMA CGM'),
  ('GRIU', 'Grimaldi Lines'),
  ('ONEY', 'Ocean Network Express'),
  ('COSU', 'COSCO Shipping Lines'),
  ('EGLV', 'Evergreen Line');
INSERT INTO product_type (code, name, hs_headings, eudr_annex_i, position) VALUES
  ('cocoa_beans', 'Cocoa beans', ARRAY['1801', '1802', '1803', '1804', '1805', '1806'], true, 1),
  ('coffee', 'Coffee', ARRAY['0901'], true, 2),
  ('horn_hoof', 'Horn and hoof (crushed, raw)', ARRAY['0506', '0507'], false, 3),
  ('sweet_potato_pellets', 'Sweet potato pellets / chips', ARRAY['0714'], false, 4),
  ('hibiscus', 'Hibiscus flowers', ARRAY['1211', '0902'], false, 5),
  ('ginger', 'Dried ginger', ARRAY['0910'], false, 6),
  ('sesame', 'Sesame seeds', ARRAY['1207'], false, 7),
  ('cashew', 'Cashew nuts', ARRAY['0801'], false, 8),
  ('other', 'Any other', ARRAY[]::text[], false, 9);
INSERT INTO dcsa_event_code (code, family, description) VALUES
  ('GTIN', 'equipment', 'Gated in'),
  ('LOAD', 'equipment', 'Loaded'),
  ('DISC', 'equipment', 'Discharged'),
  ('GTOT', 'equipment', 'Gated out'),
  ('STUF', 'equipment', 'Stuffed'),
  ('STRP', 'equipment', 'Stripped'),
  ('PICK', 'equipment', 'Picked up'),
  ('DROP', 'equipment', 'Dropped off'),
  ('INSP', 'equipment', 'Inspected'),
  ('RSEA', 'equipment', 'Resealed'),
  ('RMVD', 'equipment', 'Removed'),
  ('CUSS', 'equipment', 'Customs selected for scan'),
  ('CUSI', 'equipment', 'Customs selected for inspection'),
  ('CUSR', 'equipment', 'Customs released'),
  ('DEPA', 'transport', 'Departed'),
  ('ARRI', 'transport', 'Arrived');
--rollback DROP TABLE dcsa_event_code;
--rollback DROP TABLE product_type;
--rollback DROP TABLE carrier;

--changeset tracehub:reference-006-grants splitStatements:false rollbackSplitStatements:false
DO $$
BEGIN
  EXECUTE format('GRANT SELECT ON carrier, product_type, dcsa_event_code TO %I', '${app_role}');
END $$;
--rollback DO $$
--rollback BEGIN
--rollback   EXECUTE format('REVOKE ALL ON carrier, product_type, dcsa_event_code FROM %I', '${app_role}');
--rollback END $$;
