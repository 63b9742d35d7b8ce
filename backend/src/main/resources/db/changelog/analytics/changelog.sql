--liquibase formatted sql

--changeset tracehub:analytics-001-views splitStatements:false rollbackSplitStatements:false
--comment: Analytics reads other modules' tables only through these views, so their column names are fixed in one place. security_invoker (PostgreSQL 15+) makes the caller's row-level security apply to the underlying tables: a view shows exactly what its reader may see of the shipment, its evaluation and its documents. Read-only: the app role gets SELECT only.
CREATE VIEW analytics_shipment WITH (security_invoker = true) AS
  SELECT s.id, s.organization_id, s.buyer_organization_id, b.name AS buyer_name, s.product_type,
         p.name AS product_name, s.status, s.attention, s.eta, s.eta_original, s.atd, s.ata, s.created_at
    FROM shipment s
    LEFT JOIN organization b ON b.id = s.buyer_organization_id
    LEFT JOIN product_type p ON p.code = s.product_type;
CREATE VIEW analytics_shipment_party WITH (security_invoker = true) AS
  SELECT p.shipment_id, p.party_organization_id, p.role
    FROM shipment_party p;
CREATE VIEW analytics_compliance WITH (security_invoker = true) AS
  SELECT ce.shipment_id, ce.overall, ce.evaluated_at
    FROM compliance_evaluation ce;
CREATE VIEW analytics_document WITH (security_invoker = true) AS
  SELECT d.id, d.shipment_id, d.type, d.status, d.expiry_date
    FROM document d;
DO $$
BEGIN
  EXECUTE format('GRANT SELECT ON analytics_shipment, analytics_shipment_party, analytics_compliance, analytics_document TO %I', '${app_role}');
END $$;
--rollback DROP VIEW analytics_document;
--rollback DROP VIEW analytics_compliance;
--rollback DROP VIEW analytics_shipment_party;
--rollback DROP VIEW analytics_shipment;

--changeset tracehub:analytics-002-document-indexes
--comment: Measured at 100,000 shipments / 300,000 documents: finding the documents awaiting review or expiring scanned the whole (organization_id, status) index. Small partial indexes hold only those rows. They serve the analytics figures and the matching shipment-list filters; analytics owns them so they go with it.
CREATE INDEX analytics_document_awaiting_idx ON document (shipment_id) WHERE status IN ('uploaded', 'under_review');
CREATE INDEX analytics_document_expiry_idx ON document (expiry_date, shipment_id)
  WHERE expiry_date IS NOT NULL AND status IN ('uploaded', 'under_review', 'approved');
--rollback DROP INDEX analytics_document_expiry_idx;
--rollback DROP INDEX analytics_document_awaiting_idx;
