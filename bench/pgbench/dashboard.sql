-- The dashboard: GET /api/me, GET /api/notifications/unread-count and GET /api/analytics/summary, three
-- transactions as the application runs them (captured with log_statement=all). The summary's period
-- parameters (the app computes them from today) are the same expressions of the current date here.
BEGIN READ ONLY;
SELECT set_config('app.org_id', :org, true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT id, email, full_name, password_hash, created_at, last_login_at FROM app_user WHERE id = :user;
SELECT m.id, m.user_id, m.organization_id, o.name AS organization_name, o.type AS organization_type,
       m.role, m.status, m.is_primary
  FROM membership m JOIN organization o ON o.id = m.organization_id
 WHERE m.user_id = :user ORDER BY m.is_primary DESC, o.name;
COMMIT;
BEGIN READ ONLY;
SELECT set_config('app.org_id', :org, true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT count(*) FROM notification WHERE user_id = :user AND organization_id = :org AND read_at IS NULL;
COMMIT;
BEGIN READ ONLY;
SELECT set_config('app.org_id', :org, true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT type FROM organization WHERE id = :org;
SELECT s.status, count(*) FROM analytics_shipment s WHERE s.organization_id = :org GROUP BY s.status;
SELECT
  count(*) FILTER (WHERE TRUE  AND s.status <> 'archived') AS total,
  count(*) FILTER (WHERE s.status IN ('draft', 'docs_pending', 'docs_complete', 'in_transit') AND s.eta >= current_date::timestamptz AND s.eta < (current_date + 7)::timestamptz)
    AS arriving,
  count(*) FILTER (WHERE s.ata >= (current_date - 89)::timestamptz AND s.ata < (current_date + 1)::timestamptz AND s.atd < (current_date + 1)::timestamptz  AND s.status <> 'archived') AS transit_n,
  avg(extract(epoch FROM s.ata - s.atd) / 86400.0) FILTER (WHERE s.ata >= (current_date - 89)::timestamptz AND s.ata < (current_date + 1)::timestamptz AND s.atd < (current_date + 1)::timestamptz  AND s.status <> 'archived') AS transit_avg,
  count(*) FILTER (WHERE s.ata >= (current_date - 89)::timestamptz AND s.ata < (current_date + 1)::timestamptz AND s.eta_original IS NOT NULL AND s.ata <= s.eta_original + interval '1 day'  AND s.status <> 'archived') AS on_time,
  count(*) FILTER (WHERE s.ata >= (current_date - 89)::timestamptz AND s.ata < (current_date + 1)::timestamptz AND s.eta_original IS NOT NULL AND NOT (s.ata <= s.eta_original + interval '1 day')  AND s.status <> 'archived') AS late,
  count(*) FILTER (WHERE c.overall = 'compliant'  AND s.status <> 'archived') AS compliant,
  count(*) FILTER (WHERE c.overall = 'in_progress'  AND s.status <> 'archived') AS in_progress,
  count(*) FILTER (WHERE c.overall = 'non_compliant'  AND s.status <> 'archived') AS non_compliant,
  count(*) FILTER (WHERE c.shipment_id IS NULL  AND s.status <> 'archived') AS not_evaluated,
  count(*) FILTER (WHERE d.awaiting > 0  AND s.status <> 'archived') AS awaiting_n,
  coalesce(sum(d.awaiting) FILTER (WHERE TRUE  AND s.status <> 'archived'), 0) AS awaiting_docs,
  count(*) FILTER (WHERE d.expiring > 0  AND s.status <> 'archived') AS expiring_n,
  coalesce(sum(d.expiring) FILTER (WHERE TRUE  AND s.status <> 'archived'), 0) AS expiring_docs,
  count(*) FILTER (WHERE 'eta_slipped' = ANY (s.attention)  AND s.status <> 'archived') AS slips
FROM analytics_shipment s
LEFT JOIN analytics_compliance c ON c.shipment_id = s.id
LEFT JOIN (
  SELECT d.shipment_id,
         count(*) FILTER (WHERE d.status IN ('uploaded', 'under_review')) AS awaiting,
         count(*) FILTER (WHERE d.status IN ('uploaded', 'under_review', 'approved') AND d.expiry_date >= current_date AND d.expiry_date < current_date + 31)
           AS expiring
  FROM analytics_document d
  WHERE d.status IN ('uploaded', 'under_review') OR (d.status IN ('uploaded', 'under_review', 'approved') AND d.expiry_date >= current_date AND d.expiry_date < current_date + 31)
  GROUP BY d.shipment_id) d ON d.shipment_id = s.id
WHERE s.organization_id = :org;
COMMIT;
