-- GET /api/shipments?sort=eta&status=in_transit&page=P&size=25 as a user of Bench Exporter 01: the statements the
-- application sent for it (captured with log_statement=all), one transaction as the application runs it.
-- Variables (bench/run.sh passes them with -D): org, user (exporter 1 and bench-user-001).
\set page random(0, 3)
\set off :page * 25
BEGIN READ ONLY;
SELECT set_config('app.org_id', :org, true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT type FROM organization WHERE id = :org;
SELECT count(*) FROM shipment s WHERE s.organization_id = :org AND s.status IN ('in_transit');
SELECT s.id, s.reference, s.status, s.product_type, s.buyer_organization_id, b.name AS buyer_name,
  ARRAY(SELECT c.container_number::text FROM shipment_container c
        WHERE c.shipment_id = s.id ORDER BY c.position) AS containers,
  s.bill_of_lading, s.carrier_scac, s.vessel_name, s.voyage, s.port_of_loading, s.port_of_discharge,
  s.etd, s.eta, s.atd, s.ata, s.attention, s.updated_at
FROM shipment s LEFT JOIN organization b ON b.id = s.buyer_organization_id
WHERE s.organization_id = :org AND s.status IN ('in_transit') ORDER BY s.eta ASC NULLS LAST, s.id LIMIT 25 OFFSET :off;
COMMIT;
