-- The dashboard: GET /api/me, GET /api/notifications/unread-count and GET /api/analytics/summary, three
-- transactions as the application runs them (captured with log_statement=all). The summary (one call of the
-- analytics_summary function, ADR 0007) gets its period
-- parameters, which the app computes from today, as the same expressions of the current date here.
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
SELECT * FROM analytics_summary('owner', CAST(NULL AS uuid), CAST(NULL AS text),
  (current_date - 89)::timestamptz, (current_date + 1)::timestamptz, current_date::timestamptz,
  (current_date + 7)::timestamptz, current_date, current_date + 31);
COMMIT;
