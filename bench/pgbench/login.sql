-- POST /api/auth/login of bench-user-001: the five transactions the application runs (captured with
-- log_statement=all). Not the BCrypt check, which is CPU in the application and dominates the real login:
-- the ratio app/SQL for login therefore shows BCrypt's cost, not the database's.
BEGIN READ ONLY;
SELECT set_config('app.org_id', '', true), set_config('app.user_id', '', true), set_config('app.lookup_email', :email, true), set_config('app.lookup_token', '', true);
SELECT id, email, full_name, password_hash, created_at, last_login_at FROM app_user WHERE email = :email;
COMMIT;
BEGIN;
SELECT set_config('app.org_id', '', true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT m.id, m.user_id, m.organization_id, o.name AS organization_name, o.type AS organization_type,
       m.role, m.status, m.is_primary
  FROM membership m JOIN organization o ON o.id = m.organization_id
 WHERE m.user_id = :user ORDER BY m.is_primary DESC, o.name;
UPDATE app_user SET last_login_at = now() WHERE id = :user;
INSERT INTO refresh_token (id, family_id, user_id, organization_id, token_hash, expires_at)
  VALUES (gen_random_uuid(), gen_random_uuid(), :user, :org, md5(random()::text) || md5(random()::text), now() + interval '14 days');
COMMIT;
BEGIN READ ONLY;
SELECT set_config('app.org_id', '', true), set_config('app.user_id', '', true), set_config('app.lookup_email', :email, true), set_config('app.lookup_token', '', true);
SELECT id FROM app_user WHERE email = app_lookup_email();
COMMIT;
BEGIN READ ONLY;
SELECT set_config('app.org_id', '', true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
SELECT organization_id FROM membership WHERE user_id = :user AND is_primary;
COMMIT;
BEGIN;
SELECT set_config('app.org_id', :org, true), set_config('app.user_id', :user, true), set_config('app.lookup_email', '', true), set_config('app.lookup_token', '', true);
INSERT INTO audit_log (id, occurred_at, organization_id, actor_user_id, actor_email, actor_kind, action,
                       object_type, object_id, result, detail, ip, user_agent, request_id)
VALUES (gen_random_uuid(), now(), :org, :user,
        COALESCE(NULL, (SELECT u.email FROM app_user u WHERE u.id = :user)),
        'user', 'POST /api/auth/login', 'auth', NULL, '200', NULL, '127.0.0.1', 'pgbench', md5(random()::text));
COMMIT;
