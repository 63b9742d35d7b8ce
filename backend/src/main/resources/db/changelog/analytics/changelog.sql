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

--changeset tracehub:analytics-003-summary-function splitStatements:false rollbackSplitStatements:false
--comment: Measured at 100,000 shipments: the summary through the security_invoker views took seconds, because row-level security was evaluated row by row (a nested loop of 100,000 probes into compliance_evaluation, each checking that table's policy, whose EXISTS re-checks shipment's). This SECURITY DEFINER function computes the summary's figures per status in one statement as the owner, applying the shipment list's visibility rule itself, from the transaction's tenant setting (app_org_id()), never from a parameter: p_relation only says which of the caller's relations to count (owned, bought, party to), each a subset of what shipment_read lets that organisation see. Evaluations and documents are counted only for the shipments selected so, exactly the rows their read policies would show (both are visible when their shipment is). If shipment_read changes, this function must change with it. Without a tenant it returns no rows. ADR 0007. The owner reads shipments, parties and evaluations through the TO CURRENT_USER policies of shipments-005 and compliance-005; documents get one here.
CREATE POLICY document_analytics_owner_read ON document FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION analytics_summary(p_relation text, p_buyer uuid, p_product text, p_from timestamptz,
    p_to timestamptz, p_week_start timestamptz, p_week_end timestamptz, p_today date, p_expiry_to date)
  RETURNS TABLE (status text, total bigint, arriving bigint, transit_n bigint, transit_days numeric,
                 on_time bigint, late bigint, compliant bigint, in_progress bigint, non_compliant bigint,
                 not_evaluated bigint, awaiting_n bigint, awaiting_docs bigint, expiring_n bigint,
                 expiring_docs bigint, slips bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_org uuid := public.app_org_id();
  v_visible text;
BEGIN
  IF v_org IS NULL THEN
    RETURN;
  END IF;
  -- One of three fixed clauses (never caller text), so that the planner sees a plain indexable predicate.
  v_visible := CASE p_relation
    WHEN 'owner' THEN 's.organization_id = $1'
    WHEN 'buyer' THEN 's.buyer_organization_id = $1'
    WHEN 'party' THEN 's.id IN (SELECT p.shipment_id FROM public.shipment_party p WHERE p.party_organization_id = $1)'
  END;
  IF v_visible IS NULL THEN
    RAISE EXCEPTION 'analytics_summary: unknown relation %', p_relation USING ERRCODE = '22023';
  END IF;
  RETURN QUERY EXECUTE format($q$
    WITH v AS (
      SELECT s.id, s.status, s.attention, s.eta, s.eta_original, s.atd, s.ata
        FROM public.shipment s
       WHERE %1$s AND ($2::uuid IS NULL OR s.buyer_organization_id = $2) AND ($3::text IS NULL OR s.product_type = $3)),
    -- Per shipment, straight from analytics-002's partial indexes (index-only scans); the joins to v
    -- below keep only the caller's shipments. One OR-ed scan of both was 3 times slower.
    awaiting AS (
      SELECT d.shipment_id, count(*) AS n FROM public.document d
       WHERE d.status IN ('uploaded', 'under_review') GROUP BY d.shipment_id),
    expiring AS (
      SELECT d.shipment_id, count(*) AS n FROM public.document d
       WHERE d.status IN ('uploaded', 'under_review', 'approved') AND d.expiry_date IS NOT NULL
         AND d.expiry_date >= $8 AND d.expiry_date < $9 GROUP BY d.shipment_id)
    SELECT v.status,
           count(*),
           count(*) FILTER (WHERE v.status IN ('draft', 'docs_pending', 'docs_complete', 'in_transit')
                              AND v.eta >= $6 AND v.eta < $7),
           count(*) FILTER (WHERE v.ata >= $4 AND v.ata < $5 AND v.atd < $5),
           sum(extract(epoch FROM v.ata - v.atd) / 86400.0) FILTER (WHERE v.ata >= $4 AND v.ata < $5 AND v.atd < $5),
           count(*) FILTER (WHERE v.ata >= $4 AND v.ata < $5 AND v.eta_original IS NOT NULL
                              AND v.ata <= v.eta_original + interval '1 day'),
           count(*) FILTER (WHERE v.ata >= $4 AND v.ata < $5 AND v.eta_original IS NOT NULL
                              AND NOT (v.ata <= v.eta_original + interval '1 day')),
           count(*) FILTER (WHERE c.overall = 'compliant'),
           count(*) FILTER (WHERE c.overall = 'in_progress'),
           count(*) FILTER (WHERE c.overall = 'non_compliant'),
           count(*) FILTER (WHERE c.shipment_id IS NULL),
           count(*) FILTER (WHERE a.n > 0),
           coalesce(sum(a.n), 0)::bigint,
           count(*) FILTER (WHERE e.n > 0),
           coalesce(sum(e.n), 0)::bigint,
           count(*) FILTER (WHERE 'eta_slipped' = ANY (v.attention))
      FROM v
      LEFT JOIN public.compliance_evaluation c ON c.shipment_id = v.id
      LEFT JOIN awaiting a ON a.shipment_id = v.id
      LEFT JOIN expiring e ON e.shipment_id = v.id
     GROUP BY v.status$q$, v_visible)
    USING v_org, p_buyer, p_product, p_from, p_to, p_week_start, p_week_end, p_today, p_expiry_to;
END;
$$;
REVOKE ALL ON FUNCTION analytics_summary(text, uuid, text, timestamptz, timestamptz, timestamptz, timestamptz, date, date) FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION analytics_summary(text, uuid, text, timestamptz, timestamptz, timestamptz, timestamptz, date, date) TO %I', '${app_role}');
END $$;
--rollback DROP FUNCTION analytics_summary(text, uuid, text, timestamptz, timestamptz, timestamptz, timestamptz, date, date);
--rollback DROP POLICY document_analytics_owner_read ON document;
