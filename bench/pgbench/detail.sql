-- The detail page: GET /api/shipments/{id}, GET …/tracking and GET …/documents, three transactions as the
-- application runs them (captured with log_statement=all), for one of the 1,000 sample shipments of exporter 1
-- (bench.sample, the same list Gatling uses, picked before the first transaction by primary key).
-- Each of the three calls loads the shipment again (visibility and the shipment's own fields).
\set s random(0, :n - 1)
SELECT id AS sid FROM bench.sample WHERE i = :s \gset
BEGIN READ ONLY;
SELECT set_config('app.org_id', :org, true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT id, organization_id, reference, product_type, buyer_organization_id, exporter_name, exporter_address,
importer_name, importer_address, bill_of_lading, booking_reference, carrier_scac, carrier_name,
vessel_name, voyage, port_of_loading, port_of_discharge, final_destination, incoterms, etd, eta,
eta_original, atd, ata, status, attention, notes, version, ARRAY(SELECT p.party_organization_id FROM shipment_party p WHERE p.shipment_id = shipment.id AND p.role = 'supplier' ORDER BY p.party_organization_id) AS suppliers, ARRAY(SELECT p.party_organization_id FROM shipment_party p WHERE p.shipment_id = shipment.id AND p.role = 'logistics' ORDER BY p.party_organization_id) AS forwarders FROM shipment WHERE id = :sid;
SELECT container_number, iso_type, seal_number, gross_weight_kg FROM shipment_container WHERE shipment_id = :sid ORDER BY position;
SELECT hs_code, description, net_weight_kg, gross_weight_kg, packages, packaging_type,
  batch_numbers, quality_grade, moisture_percent, container_number
FROM shipment_product_line WHERE shipment_id = :sid ORDER BY position;
SELECT id, name FROM organization;
SELECT c.container_number, c.tracking_status, s.created_at, s.updated_at
FROM shipment s LEFT JOIN shipment_container c ON c.shipment_id = s.id WHERE s.id = :sid;
COMMIT;
BEGIN READ ONLY;
SELECT set_config('app.org_id', :org, true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT id, organization_id, reference, product_type, buyer_organization_id, exporter_name, exporter_address,
importer_name, importer_address, bill_of_lading, booking_reference, carrier_scac, carrier_name,
vessel_name, voyage, port_of_loading, port_of_discharge, final_destination, incoterms, etd, eta,
eta_original, atd, ata, status, attention, notes, version, ARRAY(SELECT p.party_organization_id FROM shipment_party p WHERE p.shipment_id = shipment.id AND p.role = 'supplier' ORDER BY p.party_organization_id) AS suppliers, ARRAY(SELECT p.party_organization_id FROM shipment_party p WHERE p.shipment_id = shipment.id AND p.role = 'logistics' ORDER BY p.party_organization_id) AS forwarders FROM shipment WHERE id = :sid;
SELECT container_number, iso_type, seal_number, gross_weight_kg FROM shipment_container WHERE shipment_id = :sid ORDER BY position;
SELECT hs_code, description, net_weight_kg, gross_weight_kg, packages, packaging_type,
  batch_numbers, quality_grade, moisture_percent, container_number
FROM shipment_product_line WHERE shipment_id = :sid ORDER BY position;
SELECT id, organization_id, shipment_id, container_number, provider, provider_reference, state, phase, started_at, next_check_at, last_checked_at, last_success_at, last_error, failure_count FROM tracking_subscription WHERE shipment_id = :sid ORDER BY container_number;
SELECT id, container_number, provider, provider_event_id, dcsa_code, provider_code, family,
  classifier, event_time, unlocode, location_name, vessel_name, voyage, derived, retracted
FROM tracking_event WHERE shipment_id = :sid
  AND (CAST(NULL AS text) IS NULL OR container_number = NULL)
ORDER BY event_time, id;
SELECT unlocode, country_code, name, kind, latitude, longitude FROM location WHERE unlocode = 'NGPHC';
SELECT unlocode, country_code, name, kind, latitude, longitude FROM location WHERE unlocode = 'NLRTM';
SELECT unlocode, country_code, name, kind, latitude, longitude FROM location WHERE unlocode = 'NGPHC';
COMMIT;
BEGIN READ ONLY;
SELECT set_config('app.org_id', :org, true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT id, organization_id, reference, product_type, buyer_organization_id, exporter_name, exporter_address,
importer_name, importer_address, bill_of_lading, booking_reference, carrier_scac, carrier_name,
vessel_name, voyage, port_of_loading, port_of_discharge, final_destination, incoterms, etd, eta,
eta_original, atd, ata, status, attention, notes, version, ARRAY(SELECT p.party_organization_id FROM shipment_party p WHERE p.shipment_id = shipment.id AND p.role = 'supplier' ORDER BY p.party_organization_id) AS suppliers, ARRAY(SELECT p.party_organization_id FROM shipment_party p WHERE p.shipment_id = shipment.id AND p.role = 'logistics' ORDER BY p.party_organization_id) AS forwarders FROM shipment WHERE id = :sid;
SELECT container_number, iso_type, seal_number, gross_weight_kg FROM shipment_container WHERE shipment_id = :sid ORDER BY position;
SELECT hs_code, description, net_weight_kg, gross_weight_kg, packages, packaging_type,
  batch_numbers, quality_grade, moisture_percent, container_number
FROM shipment_product_line WHERE shipment_id = :sid ORDER BY position;
SELECT id, shipment_id, organization_id, type, version, status, reference_number, issue_date, expiry_date, issuer, fields::text AS fields, storage_key, sha256, size_bytes, content_type, original_name, suggestions::text AS suggestions, uploaded_by, uploaded_by_organization_id, uploaded_at, status_changed_at FROM document WHERE shipment_id = :sid ORDER BY type, version;
SELECT x.id AS for_document, y.kind, y.id, y.shipment_id, y.reference FROM document x CROSS JOIN LATERAL ( SELECT 'same_file' AS kind, d.id, d.shipment_id, s.reference FROM document d LEFT JOIN shipment s ON s.id = d.shipment_id WHERE d.sha256 = x.sha256 AND d.id <> x.id AND d.status <> 'archived' UNION ALL SELECT 'same_reference', d.id, d.shipment_id, s.reference FROM document d LEFT JOIN shipment s ON s.id = d.shipment_id WHERE x.reference_number IS NOT NULL AND d.type = x.type AND d.reference_number = x.reference_number AND d.shipment_id <> x.shipment_id AND d.status <> 'archived' ORDER BY 1, 2 LIMIT 20) y WHERE x.shipment_id = :sid ORDER BY x.id, y.kind, y.id;
COMMIT;
