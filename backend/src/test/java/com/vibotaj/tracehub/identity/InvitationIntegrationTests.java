package com.vibotaj.tracehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class InvitationIntegrationTests {

    private static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";
    private static final String STRONG = "Rainy season in Ibadan 2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    /** An invitation as the admin received it: its id and the token from the one-time link. */
    record Issued(String id, String token) {}

    @Test
    void invitedNewUserPreviewsAcceptsAndSignsInWithTheInvitedRole() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        String email = newEmail();

        MvcResult created = mvc.perform(json(post("/api/invitations"), invitation(email, "compliance"))
                        .header("Authorization", bearer))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.acceptUrl").value(startsWith("http://localhost:8080/accept-invitation#token=")))
                .andExpect(jsonPath("$.invitation.email").value(email))
                .andExpect(jsonPath("$.invitation.role").value("compliance"))
                .andExpect(jsonPath("$.invitation.status").value("pending"))
                .andExpect(jsonPath("$.invitation.invitedByName").value("Test admin"))
                .andReturn();
        Issued issued = issued(created);
        String storedHash = data.owner()
                .queryForObject("SELECT token_hash FROM invitation WHERE id = ?::uuid", String.class, issued.id());
        assertThat(storedHash).doesNotContain(issued.token()).hasSize(64);

        preview(issued.token())
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.organizationName").value(org.name()))
                .andExpect(jsonPath("$.role").value("compliance"))
                .andExpect(jsonPath("$.existingUser").value(false));
        accept(issued.token(), "Chinedu Obi", STRONG)
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.email").value(email));

        TestData.User joined = new TestData.User(UUID.randomUUID(), email, STRONG, org.id(), "compliance");
        mvc.perform(get("/api/me")
                        .header("Authorization", Api.login(mvc, joined).bearer()))
                .andExpect(jsonPath("$.fullName").value("Chinedu Obi"))
                .andExpect(jsonPath("$.role").value("compliance"))
                .andExpect(jsonPath("$.organization.id").value(org.id().toString()));
        mvc.perform(get("/api/invitations").header("Authorization", bearer))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].status").value("accepted"));
    }

    @Test
    void anInvitationCanBeAcceptedOnlyOnce() throws Exception {
        Issued issued = invite(adminOfNewOrg(), newEmail(), "viewer");
        accept(issued.token(), "First Comer", STRONG).andExpect(status().isOk());

        accept(issued.token(), "Second Comer", STRONG)
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-used"));
        preview(issued.token())
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-used"));
    }

    @Test
    void twoConcurrentAcceptsCannotBothSucceed() throws Exception {
        Issued issued = invite(adminOfNewOrg(), newEmail(), "viewer");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> attempt = () -> {
            start.await();
            return accept(issued.token(), "Racer", STRONG)
                    .andReturn()
                    .getResponse()
                    .getStatus();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = List.of(pool.submit(attempt), pool.submit(attempt));
            start.countDown();
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(200, 410);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewUserMustGiveANameAndAStrongPassword() throws Exception {
        Issued issued = invite(adminOfNewOrg(), newEmail(), "viewer");

        accept(issued.token(), null, STRONG)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fullName"));
        accept(issued.token(), "Weak Choice", "password1234")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        // Refusals do not use up the invitation.
        accept(issued.token(), "Strong Choice", STRONG).andExpect(status().isOk());
    }

    @Test
    void resendingIssuesANewLinkAndTheOldOneStopsWorking() throws Exception {
        String bearer = adminOfNewOrg();
        Issued first = invite(bearer, newEmail(), "logistics");

        Issued second = issued(
                mvc.perform(post("/api/invitations/" + first.id() + "/resend").header("Authorization", bearer))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.invitation.status").value("pending"))
                        .andReturn());

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.token()).isNotEqualTo(first.token());
        preview(first.token())
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-not-found"));
        accept(first.token(), "Old Link", STRONG).andExpect(status().isNotFound());
        accept(second.token(), "New Link", STRONG).andExpect(status().isOk());
    }

    @Test
    void aRevokedInvitationLinkIsNotFoundAndCannotBeRevokedOrResentAgain() throws Exception {
        String bearer = adminOfNewOrg();
        Issued issued = invite(bearer, newEmail(), "viewer");

        mvc.perform(post("/api/invitations/" + issued.id() + "/revoke").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("revoked"));

        preview(issued.token())
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-not-found"));
        accept(issued.token(), "Too Late", STRONG).andExpect(status().isNotFound());
        for (String action : List.of("revoke", "resend")) {
            mvc.perform(post("/api/invitations/" + issued.id() + "/" + action).header("Authorization", bearer))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-not-pending"));
        }
    }

    @Test
    void anExpiredInvitationIsGoneUntilResent() throws Exception {
        String bearer = adminOfNewOrg();
        Issued issued = invite(bearer, newEmail(), "viewer");
        data.owner()
                .update(
                        "UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid",
                        issued.id());

        preview(issued.token())
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-expired"));
        accept(issued.token(), "Late Comer", STRONG)
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-expired"));
        mvc.perform(get("/api/invitations").header("Authorization", bearer))
                .andExpect(jsonPath("$.items[0].status").value("expired"));

        Issued renewed = issued(
                mvc.perform(post("/api/invitations/" + issued.id() + "/resend").header("Authorization", bearer))
                        .andExpect(status().isOk())
                        .andReturn());
        preview(renewed.token()).andExpect(status().isOk());
    }

    @Test
    void anExistingUserJoinsASecondOrganisationWithTheirPasswordAndKeepsTheFirstAsPrimary() throws Exception {
        TestData.Org home = data.organization("exporter");
        TestData.User user = data.user(home, "logistics");
        TestData.Org buyer = data.organization("buyer");
        Issued issued = invite(Api.login(mvc, data.user(buyer, "admin")).bearer(), user.email(), "buyer");

        preview(issued.token())
                .andExpect(jsonPath("$.existingUser").value(true))
                .andExpect(jsonPath("$.organizationName").value(buyer.name()));
        accept(issued.token(), null, "not my password at all")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-credentials"));
        accept(issued.token(), null, user.password()).andExpect(status().isOk());

        mvc.perform(get("/api/me").header("Authorization", Api.login(mvc, user).bearer()))
                .andExpect(jsonPath("$.organization.id").value(home.id().toString()))
                .andExpect(jsonPath("$.memberships.length()").value(2))
                .andExpect(jsonPath("$.memberships[0].organizationId")
                        .value(home.id().toString()))
                .andExpect(jsonPath("$.memberships[0].primary").value(true))
                .andExpect(jsonPath("$.memberships[1].organizationId")
                        .value(buyer.id().toString()))
                .andExpect(jsonPath("$.memberships[1].role").value("buyer"))
                .andExpect(jsonPath("$.memberships[1].primary").value(false));
    }

    @Test
    void reinvitingADeactivatedMemberReactivatesThemWithTheInvitedRole() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User former = data.user(org, "logistics");
        data.owner().update("UPDATE membership SET status = 'deactivated' WHERE user_id = ?", former.id());
        Issued issued = invite(Api.login(mvc, data.user(org, "admin")).bearer(), former.email(), "viewer");

        accept(issued.token(), null, former.password()).andExpect(status().isOk());

        mvc.perform(get("/api/me")
                        .header("Authorization", Api.login(mvc, former).bearer()))
                .andExpect(jsonPath("$.organization.id").value(org.id().toString()))
                .andExpect(jsonPath("$.role").value("viewer"))
                .andExpect(jsonPath("$.memberships.length()").value(1));
    }

    @Test
    void anActiveMemberCannotAcceptAnotherInvitationToTheSameOrganisation() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User user = data.user(data.organization("buyer"), "buyer");
        Issued issued = invite(Api.login(mvc, data.user(org, "admin")).bearer(), user.email(), "viewer");
        // Became a member by another route after the invitation was sent.
        data.member(user.id(), org, "compliance", false);

        accept(issued.token(), null, user.password())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "already-member"));
    }

    @Test
    void invitingAnActiveMemberConflicts() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User member = data.user(org, "viewer");
        mvc.perform(json(post("/api/invitations"), invitation(member.email(), "admin"))
                        .header(
                                "Authorization",
                                Api.login(mvc, data.user(org, "admin")).bearer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "already-member"));
    }

    @Test
    void invitingTheSameAddressAgainReplacesThePendingInvitation() throws Exception {
        String bearer = adminOfNewOrg();
        String email = newEmail();
        Issued first = invite(bearer, email, "viewer");
        Issued second = invite(bearer, email.toUpperCase(), "compliance");

        assertThat(second.id()).isNotEqualTo(first.id());
        preview(first.token()).andExpect(status().isNotFound());
        preview(second.token())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("compliance"));
        mvc.perform(get("/api/invitations").header("Authorization", bearer))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].id").value(second.id()))
                .andExpect(jsonPath("$.items[0].status").value("pending"))
                .andExpect(jsonPath("$.items[1].status").value("revoked"));
    }

    @Test
    void invitationsOfAnotherOrganisationAreInvisible() throws Exception {
        Issued theirs = invite(adminOfNewOrg(), newEmail(), "viewer");
        String ours = adminOfNewOrg();

        for (String action : List.of("revoke", "resend")) {
            mvc.perform(post("/api/invitations/" + theirs.id() + "/" + action).header("Authorization", ours))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        }
        mvc.perform(get("/api/invitations").header("Authorization", ours))
                .andExpect(jsonPath("$.totalItems").value(0));
        preview(theirs.token()).andExpect(status().isOk());
    }

    @Test
    void malformedAndUnknownTokensAreNotFound() throws Exception {
        for (String token : List.of("not-a-token", "A".repeat(43), "x".repeat(200))) {
            preview(token)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "invitation-not-found"));
            accept(token, "Nobody", STRONG).andExpect(status().isNotFound());
        }
    }

    @Test
    void aMissingOrBlankTokenIsAValidationProblem() throws Exception {
        for (String body : List.of("{}", "{\"token\":\"\"}", "{\"token\":\"   \"}")) {
            mvc.perform(json(post("/api/public/invitations/preview"), body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("token"));
        }
        mvc.perform(json(
                        post("/api/public/invitations/accept"),
                        "{\"fullName\":\"No Token\",\"password\":\"" + STRONG + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("token"));
    }

    /** The token must never be part of a URL: the old path forms answer a problem, not the invitation. */
    @Test
    void theTokenInThePathIsNoLongerAccepted() throws Exception {
        Issued issued = invite(adminOfNewOrg(), newEmail(), "viewer");

        mvc.perform(get("/api/public/invitations/" + issued.token()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"))
                .andExpect(jsonPath("$.email").doesNotExist());
        mvc.perform(json(
                        post("/api/public/invitations/" + issued.token() + "/accept"),
                        "{\"fullName\":\"Path Token\",\"password\":\"" + STRONG + "\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.email").doesNotExist());
        // Nothing was used up: the body form still works.
        preview(issued.token()).andExpect(status().isOk());
    }

    @Test
    void viewerIsForbiddenOnEveryInvitationEndpoint() throws Exception {
        TestData.Org org = data.organization("exporter");
        Issued issued = invite(Api.login(mvc, data.user(org, "admin")).bearer(), newEmail(), "viewer");
        String bearer = Api.login(mvc, data.user(org, "viewer")).bearer();

        for (MockHttpServletRequestBuilder request : List.of(
                get("/api/invitations"),
                json(post("/api/invitations"), invitation(newEmail(), "admin")),
                post("/api/invitations/" + issued.id() + "/resend"),
                post("/api/invitations/" + issued.id() + "/revoke"))) {
            mvc.perform(request.header("Authorization", bearer))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
        }
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM invitation WHERE organization_id = ?", Long.class, org.id()))
                .isEqualTo(1);
        preview(issued.token()).andExpect(status().isOk());
    }

    private String adminOfNewOrg() throws Exception {
        return Api.login(mvc, data.user(data.organization("exporter"), "admin")).bearer();
    }

    private Issued invite(String bearer, String email, String role) throws Exception {
        return issued(mvc.perform(
                        json(post("/api/invitations"), invitation(email, role)).header("Authorization", bearer))
                .andExpect(status().isCreated())
                .andReturn());
    }

    private static Issued issued(MvcResult result) throws Exception {
        String body = result.getResponse().getContentAsString();
        String url = JsonPath.read(body, "$.acceptUrl");
        return new Issued(JsonPath.read(body, "$.invitation.id"), url.substring(url.indexOf("#token=") + 7));
    }

    private ResultActions preview(String token) throws Exception {
        return mvc.perform(json(post("/api/public/invitations/preview"), "{\"token\":\"" + token + "\"}"));
    }

    private ResultActions accept(String token, String fullName, String password) throws Exception {
        String name = fullName == null ? "" : "\"fullName\":\"" + fullName + "\",";
        return mvc.perform(json(
                post("/api/public/invitations/accept"),
                "{\"token\":\"" + token + "\"," + name + "\"password\":\"" + password + "\"}"));
    }

    private static String invitation(String email, String role) {
        return "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}";
    }

    private static String newEmail() {
        return "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
