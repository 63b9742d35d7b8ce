package com.vibotaj.tracehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A mutating request sent with an Idempotency-Key runs at most once per user and key; a retry gets the
 * stored response (docs/api/idempotency.md).
 */
@IntegrationTest
class IdempotencyIntegrationTests {

    private static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";
    private static final String APP_ROLE = "tracehub_app";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScopedTransactions transactions;

    @Test
    void aRetryWithTheSameKeyReplaysTheResponseWithoutRunningTheRequestAgain() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        String email = newEmail();
        String key = UUID.randomUUID().toString();

        MockHttpServletResponse first = invite(bearer, key, email, "viewer");
        MockHttpServletResponse second = invite(bearer, key, email, "viewer");

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getHeader("Idempotent-Replayed")).isNull();
        assertThat(second.getStatus()).isEqualTo(201);
        assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getContentType()).isEqualTo(first.getContentType());
        assertThat(second.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(invitations(org)).isEqualTo(1);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT state FROM idempotency_record WHERE idempotency_key = ?", String.class, key))
                .isEqualTo("completed");
    }

    @Test
    void replaysTheLocationOfACreatedResource() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"" + newEmail() + "\",\"fullName\":\"Ada Eze\",\"role\":\"viewer\","
                + "\"password\":\"Rainy season in Ibadan 2026\"}";

        MockHttpServletResponse first = send(bearer, key, "/api/users", body);
        MockHttpServletResponse second = send(bearer, key, "/api/users", body);

        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        assertThat(first.getHeader("Location")).startsWith("/api/users/");
        assertThat(second.getStatus()).isEqualTo(201);
        assertThat(second.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        String key = UUID.randomUUID().toString();
        invite(bearer, key, newEmail(), "viewer");

        MockHttpServletResponse reused = invite(bearer, key, newEmail(), "viewer");

        assertThat(reused.getStatus()).isEqualTo(422);
        assertThat(reused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JsonPath.<String>read(reused.getContentAsString(), "$.type"))
                .isEqualTo(PROBLEMS + "idempotency-key-reused");
        assertThat(JsonPath.<String>read(reused.getContentAsString(), "$.detail"))
                .isEqualTo("This Idempotency-Key was used for a different request.");
        assertThat(invitations(org)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirUser() throws Exception {
        TestData.Org one = data.organization("exporter");
        TestData.Org other = data.organization("exporter");
        String bearerOne = Api.login(mvc, data.user(one, "admin")).bearer();
        String bearerOther = Api.login(mvc, data.user(other, "admin")).bearer();
        String key = UUID.randomUUID().toString();
        String email = newEmail();

        MockHttpServletResponse first = invite(bearerOne, key, email, "viewer");
        MockHttpServletResponse second = invite(bearerOther, key, email, "viewer");

        assertThat(List.of(first.getStatus(), second.getStatus())).containsOnly(201);
        assertThat(second.getHeader("Idempotent-Replayed")).isNull();
        assertThat(invitations(one)).isEqualTo(1);
        assertThat(invitations(other)).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryRequestRuns() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();

        MockHttpServletResponse first = invite(bearer, null, newEmail(), "viewer");
        MockHttpServletResponse second = invite(bearer, null, newEmail(), "viewer");

        assertThat(List.of(first.getStatus(), second.getStatus())).containsOnly(201);
        assertThat(second.getHeader("Idempotent-Replayed")).isNull();
        assertThat(invitations(org)).isEqualTo(2);
    }

    @Test
    void unauthenticatedRequestsIgnoreTheKey() throws Exception {
        TestData.User user = data.user(data.organization("exporter"), "viewer");
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"" + user.email() + "\",\"password\":\"" + user.password() + "\"}";

        MockHttpServletResponse first = mvc.perform(post("/api/auth/login")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        MockHttpServletResponse second = mvc.perform(post("/api/auth/login")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();

        assertThat(List.of(first.getStatus(), second.getStatus())).containsOnly(200);
        assertThat(second.getHeader("Idempotent-Replayed")).isNull();
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?",
                                Integer.class,
                                key))
                .isZero();
    }

    @Test
    void readsAreNotAffected() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        String key = UUID.randomUUID().toString();

        mvc.perform(get("/api/me").header("Authorization", bearer).header("Idempotency-Key", key));

        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?",
                                Integer.class,
                                key))
                .isZero();
    }

    @Test
    void aKeyMustBeOneToTwoHundredVisibleAsciiCharacters() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();

        for (String key : List.of("k".repeat(201), "k".repeat(300), "", "with space", "café")) {
            MockHttpServletResponse response = invite(bearer, key, newEmail(), "viewer");
            assertThat(response.getStatus()).as("key '%s'", key).isEqualTo(400);
            assertThat(JsonPath.<String>read(response.getContentAsString(), "$.type"))
                    .isEqualTo(PROBLEMS + "invalid-idempotency-key");
        }
        assertThat(invitations(org)).isZero();
        assertThat(invite(bearer, "k".repeat(200), newEmail(), "viewer").getStatus())
                .isEqualTo(201);
    }

    @Test
    void aRequestStillInProgressAnswersConflictWithRetryAfter() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        String key = UUID.randomUUID().toString();
        String email = newEmail();
        invite(bearer, key, email, "viewer");
        data.owner()
                .update(
                        "UPDATE idempotency_record SET state = 'in_progress', response_status = NULL,"
                                + " response_body = NULL WHERE idempotency_key = ?",
                        key);

        MockHttpServletResponse response = invite(bearer, key, email, "viewer");

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(JsonPath.<String>read(response.getContentAsString(), "$.type"))
                .isEqualTo(PROBLEMS + "idempotency-in-progress");
        assertThat(JsonPath.<Integer>read(response.getContentAsString(), "$.retryAfterSeconds"))
                .isEqualTo(1);
        assertThat(invitations(org)).isEqualTo(1);
    }

    @Test
    void aClaimLeftByAnInstanceThatDiedIsTakenOverAfterItsLease() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User admin = data.user(org, "admin");
        String bearer = Api.login(mvc, admin).bearer();
        String key = UUID.randomUUID().toString();
        // What a killed instance leaves: a claim that nothing will complete or release, its lease run out.
        data.owner()
                .update(
                        "INSERT INTO idempotency_record (user_id, idempotency_key, organization_id,"
                                + " request_fingerprint, state, created_at, expires_at) VALUES (?, ?, ?,"
                                + " 'from-the-dead-instance', 'in_progress', now() - interval '16 minutes',"
                                + " now() - interval '1 minute')",
                        admin.id(),
                        key,
                        org.id());

        MockHttpServletResponse retry = invite(bearer, key, newEmail(), "viewer");

        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(invitations(org)).isEqualTo(1);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT state = 'completed' AND expires_at > now() + interval '23 hours'"
                                        + " FROM idempotency_record WHERE idempotency_key = ?",
                                Boolean.class,
                                key))
                .isTrue();
    }

    @Test
    void aBusinessRuleRefusalIsStoredAndReplayed() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User admin = data.user(org, "admin");
        String bearer = Api.login(mvc, admin).bearer();
        String key = UUID.randomUUID().toString();

        MockHttpServletResponse first = invite(bearer, key, admin.email(), "viewer");
        MockHttpServletResponse second = invite(bearer, key, admin.email(), "viewer");

        assertThat(first.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(first.getContentAsString(), "$.type")).isEqualTo(PROBLEMS + "already-member");
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
    }

    @Test
    void aBodyOverOneMebibyteIsFingerprintedByLengthAndStillReachesTheController() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        String key = UUID.randomUUID().toString();
        String huge = "{\"email\":\"" + "a".repeat(1024 * 1024) + "@example.test\",\"role\":\"viewer\"}";

        MockHttpServletResponse first = send(bearer, key, "/api/invitations", huge);
        MockHttpServletResponse second = send(bearer, key, "/api/invitations", huge);

        assertThat(first.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(first.getContentAsString(), "$.type")).isEqualTo(PROBLEMS + "validation");
        assertThat(second.getStatus()).isEqualTo(400);
        assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void anExpiredRecordIsReplacedByTheNextRequest() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        String key = UUID.randomUUID().toString();
        invite(bearer, key, newEmail(), "viewer");
        data.owner()
                .update(
                        "UPDATE idempotency_record SET expires_at = now() - interval '1 minute'"
                                + " WHERE idempotency_key = ?",
                        key);

        MockHttpServletResponse again = invite(bearer, key, newEmail(), "viewer");

        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getHeader("Idempotent-Replayed")).isNull();
        assertThat(invitations(org)).isEqualTo(2);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT expires_at > now() + interval '23 hours' FROM idempotency_record"
                                        + " WHERE idempotency_key = ?",
                                Boolean.class,
                                key))
                .isTrue();
    }

    @Test
    void aUserSeesOnlyTheirOwnRecords() {
        UUID userA = UUID.randomUUID();
        UUID userB = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        record(userA, org, "a-key", "interval '1 hour'");
        record(userB, org, "b-key", "interval '1 hour'");

        List<UUID> seenByA = transactions.read(
                TenantScope.of(org, userA),
                () -> jdbc.sql("SELECT user_id FROM idempotency_record")
                        .query(UUID.class)
                        .list());
        int deletedByA = transactions.write(
                TenantScope.of(org, userA),
                () -> jdbc.sql("DELETE FROM idempotency_record WHERE user_id = ?")
                        .param(userB)
                        .update());
        List<UUID> seenWithoutUser = transactions.read(
                TenantScope.organization(org),
                () -> jdbc.sql("SELECT user_id FROM idempotency_record")
                        .query(UUID.class)
                        .list());

        assertThat(seenByA).containsExactly(userA);
        assertThat(deletedByA).isZero();
        assertThat(seenWithoutUser).isEmpty();
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM idempotency_record WHERE user_id = ?", Integer.class, userB))
                .isEqualTo(1);
    }

    @Test
    void housekeepingDeletesExpiredRecordsOfAllUsers() {
        UUID userA = UUID.randomUUID();
        UUID userB = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        record(userA, org, "expired", "interval '-1 minute'");
        record(userB, org, "expired", "interval '-1 hour'");
        record(userB, org, "live", "interval '1 hour'");

        Integer removed = transactions.write(
                TenantScope.NONE,
                () -> jdbc.sql("SELECT purge_expired_idempotency_records()")
                        .query(Integer.class)
                        .single());

        assertThat(removed).isGreaterThanOrEqualTo(2);
        assertThat(data.owner()
                        .queryForList(
                                "SELECT idempotency_key FROM idempotency_record WHERE user_id IN (?, ?)",
                                String.class,
                                userA,
                                userB))
                .containsExactly("live");
    }

    /**
     * The tests' owner is a superuser and bypasses row-level security; in production the owner is an
     * ordinary role under FORCE. Here the table and function are handed to such a role inside a rolled
     * back transaction, and the app role calls the function.
     */
    @Test
    void housekeepingWorksWhenTheOwnerIsSubjectToForcedRowLevelSecurity() {
        UUID user = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        List<Integer> remaining = data.owner().execute((Connection c) -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                JdbcTemplate owner = new JdbcTemplate(new SingleConnectionDataSource(c, true));
                owner.execute("CREATE ROLE idempotency_probe_owner NOLOGIN NOSUPERUSER NOBYPASSRLS");
                owner.execute("ALTER TABLE idempotency_record OWNER TO idempotency_probe_owner");
                owner.execute("ALTER FUNCTION purge_expired_idempotency_records() OWNER TO idempotency_probe_owner");
                owner.execute("ALTER POLICY idempotency_record_purge_read ON idempotency_record"
                        + " TO idempotency_probe_owner");
                owner.execute("ALTER POLICY idempotency_record_purge_delete ON idempotency_record"
                        + " TO idempotency_probe_owner");
                insert(owner, user, org, "expired", "interval '-1 minute'");
                insert(owner, user, org, "live", "interval '1 hour'");
                String count = "SELECT count(*) FROM idempotency_record WHERE user_id = '" + user + "'";

                owner.execute("SET LOCAL ROLE " + APP_ROLE);
                owner.queryForObject("SELECT purge_expired_idempotency_records()", Integer.class);
                owner.execute("RESET ROLE");
                int afterPurge = owner.queryForObject(count, Integer.class);

                // Guard the guard: without its own policies the FORCEd owner deletes nothing.
                insert(owner, user, org, "expired-again", "interval '-1 minute'");
                owner.execute("DROP POLICY idempotency_record_purge_delete ON idempotency_record");
                owner.execute("SET LOCAL ROLE " + APP_ROLE);
                owner.queryForObject("SELECT purge_expired_idempotency_records()", Integer.class);
                owner.execute("RESET ROLE");
                int withoutPolicy = owner.queryForObject(count, Integer.class);
                return List.of(afterPurge, withoutPolicy);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        });

        assertThat(remaining).containsExactly(1, 2);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                                        + " WHERE c.relname = 'idempotency_record'",
                                String.class))
                .isNotEqualTo("idempotency_probe_owner");
    }

    private void record(UUID user, UUID org, String key, String expiresIn) {
        insert(data.owner(), user, org, key, expiresIn);
    }

    private static void insert(JdbcTemplate owner, UUID user, UUID org, String key, String expiresIn) {
        owner.update(
                "INSERT INTO idempotency_record (user_id, idempotency_key, organization_id, request_fingerprint,"
                        + " state, response_status, expires_at) VALUES (?, ?, ?, 'fp', 'completed', 201, now() + "
                        + expiresIn + ")",
                user,
                key,
                org);
    }

    private MockHttpServletResponse invite(String bearer, String key, String email, String role) throws Exception {
        return send(bearer, key, "/api/invitations", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
    }

    private MockHttpServletResponse send(String bearer, String key, String path, String body) throws Exception {
        var request = post(path)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private int invitations(TestData.Org org) {
        return data.owner()
                .queryForObject("SELECT count(*) FROM invitation WHERE organization_id = ?", Integer.class, org.id());
    }

    private static String newEmail() {
        return "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }
}
