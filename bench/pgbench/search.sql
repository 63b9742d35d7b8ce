-- GET /api/shipments?q=TERM&sort=eta&page=0&size=25 as a user of Bench Exporter 01 (captured with log_statement=all).
-- The term is one of the harness's search terms (bench.term, the same list Gatling uses), picked before the
-- transaction; that lookup is a primary-key read, counted in pgbench's latency, not in the application's.
\set t random(0, :nterms - 1)
SELECT '%' || lower(q) || '%' AS pattern FROM bench.term WHERE i = :t \gset
BEGIN READ ONLY;
SELECT set_config('app.org_id', :org, true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT type FROM organization WHERE id = :org;
SELECT count(*) FROM shipment s WHERE s.organization_id = :org AND s.id = ANY (ARRAY(SELECT shipment_text_search(:pattern))) AND s.status <> 'archived';
SELECT s.id, s.reference, s.status, s.product_type, s.buyer_organization_id, b.name AS buyer_name,
  ARRAY(SELECT c.container_number::text FROM shipment_container c
        WHERE c.shipment_id = s.id ORDER BY c.position) AS containers,
  s.bill_of_lading, s.carrier_scac, s.vessel_name, s.voyage, s.port_of_loading, s.port_of_discharge,
  s.etd, s.eta, s.atd, s.ata, s.attention, s.updated_at
FROM shipment s LEFT JOIN organization b ON b.id = s.buyer_organization_id
WHERE s.organization_id = :org AND s.id = ANY (ARRAY(SELECT shipment_text_search(:pattern))) AND s.status <> 'archived' ORDER BY s.eta ASC NULLS LAST, s.id LIMIT 25 OFFSET 0;
COMMIT;
