package com.vibotaj.tracehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class UserAdministrationIntegrationTests {

    private static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";
    private static final String STRONG = "Harmattan dust over Apapa 2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void listsOnlyMembersOfTheAdminsOwnOrganisationByName() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User admin = data.user(org, "admin");
        TestData.User viewer = data.user(org, "viewer");
        TestData.User outsider = data.user(data.organization("buyer"), "admin");
        // A member of both organisations is listed, with this organisation's role.
        data.member(outsider.id(), org, "logistics", false);
        TestData.Org otherOrg = data.organization("buyer");
        TestData.User otherOrgOnly = data.user(otherOrg, "viewer");
        // The admin's own membership elsewhere is visible to them (RLS) but is not a member of this org.
        data.member(admin.id(), otherOrg, "viewer", false);

        String bearer = Api.login(mvc, admin).bearer();

        String body = mvc.perform(get("/api/users").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(1))
                .andExpect(jsonPath("$.items[*].email")
                        .value(containsInAnyOrder(admin.email(), viewer.email(), outsider.email())))
                .andExpect(jsonPath("$.items[0].status").value("active"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> rolesOfOutsider = JsonPath.read(body, "$.items[?(@.email == '" + outsider.email() + "')].role");
        assertThat(rolesOfOutsider).containsExactly("logistics");
        assertThat(body).doesNotContain(otherOrgOnly.email());
        mvc.perform(get("/api/users?page=1&size=2").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void refusesPageSizesOutsideOneTo200() throws Exception {
        String bearer = adminOfNewOrg().bearer();
        for (String size : List.of("0", "201")) {
            mvc.perform(get("/api/users?size=" + size).header("Authorization", bearer))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"));
        }
    }

    @Test
    void viewerIsForbiddenOnEveryUserEndpoint() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User viewer = data.user(org, "viewer");
        TestData.User other = data.user(org, "logistics");
        String bearer = Api.login(mvc, viewer).bearer();
        String id = other.id().toString();

        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/api/users"),
                get("/api/users/" + id),
                json(post("/api/users"), newUser("x-" + UUID.randomUUID() + "@example.test", "viewer")),
                json(patch("/api/users/" + id), "{\"role\":\"viewer\"}"),
                post("/api/users/" + id + "/deactivate"),
                post("/api/users/" + id + "/reactivate"));
        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(request.header("Authorization", bearer))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
        }
        assertThat(role(other.id(), org)).isEqualTo("logistics");
        assertThat(membershipStatus(other.id(), org)).isEqualTo("active");
    }

    @Test
    void createsAUserWhoCanSignInWithTheGivenRole() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        String email = "new-" + UUID.randomUUID() + "@example.test";

        String body = mvc.perform(json(post("/api/users"), newUser(email.toUpperCase(), "compliance"))
                        .header("Authorization", bearer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.fullName").value("Ngozi Eze"))
                .andExpect(jsonPath("$.role").value("compliance"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.lastLoginAt").value(nullValue()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");

        mvc.perform(get("/api/users/" + id).header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email));
        Api.Login login = Api.login(mvc, new TestData.User(UUID.fromString(id), email, STRONG, org.id(), "compliance"));
        mvc.perform(get("/api/me").header("Authorization", login.bearer()))
                .andExpect(jsonPath("$.role").value("compliance"))
                .andExpect(jsonPath("$.organization.id").value(org.id().toString()))
                .andExpect(jsonPath("$.memberships[0].primary").value(true));
    }

    @Test
    void answersTheLocationOfTheCreatedUser() throws Exception {
        String bearer = adminOfNewOrg().bearer();
        mvc.perform(json(post("/api/users"), newUser("loc-" + UUID.randomUUID() + "@example.test", "viewer"))
                        .header("Authorization", bearer))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/users/[0-9a-f-]{36}")));
    }

    @Test
    void refusesAWeakPasswordOnThePasswordField() throws Exception {
        String email = "weak-" + UUID.randomUUID() + "@example.test";
        String body =
                "{\"email\":\"" + email + "\",\"fullName\":\"Weak\",\"role\":\"viewer\",\"password\":\"password1234\"}";
        mvc.perform(json(post("/api/users"), body)
                        .header("Authorization", adminOfNewOrg().bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        assertThat(data.owner().queryForObject("SELECT count(*) FROM app_user WHERE email = ?", Long.class, email))
                .isZero();
    }

    @Test
    void refusesAnEmailThatBelongsToAUserOfAnotherOrganisation() throws Exception {
        TestData.User elsewhere = data.user(data.organization("supplier"), "supplier");
        mvc.perform(json(post("/api/users"), newUser(elsewhere.email(), "viewer"))
                        .header("Authorization", adminOfNewOrg().bearer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "user-exists"));
    }

    @Test
    void refusesAnUnknownRoleAndMissingFields() throws Exception {
        String bearer = adminOfNewOrg().bearer();
        mvc.perform(json(post("/api/users"), newUser("r-" + UUID.randomUUID() + "@example.test", "superuser"))
                        .header("Authorization", bearer))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("'role'")));
        mvc.perform(json(
                                post("/api/users"),
                                "{\"email\":\"not-an-email\",\"role\":\"viewer\",\"password\":\"" + STRONG + "\"}")
                        .header("Authorization", bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("email", "fullName")));
    }

    @Test
    void changingARoleEndsTheMembersSessions() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        TestData.User member = data.user(org, "viewer");
        Api.Login memberLogin = Api.login(mvc, member);

        mvc.perform(json(patch("/api/users/" + member.id()), "{\"role\":\"logistics\"}")
                        .header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("logistics"));

        assertThat(refresh(memberLogin.refreshCookie())).isEqualTo(401);
        mvc.perform(get("/api/me")
                        .header("Authorization", Api.login(mvc, member).bearer()))
                .andExpect(jsonPath("$.role").value("logistics"));
    }

    @Test
    void nobodyChangesTheirOwnRole() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User admin = data.user(org, "admin");
        data.user(org, "admin");
        mvc.perform(json(patch("/api/users/" + admin.id()), "{\"role\":\"viewer\"}")
                        .header("Authorization", Api.login(mvc, admin).bearer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "self-modification"));
        assertThat(role(admin.id(), org)).isEqualTo("admin");
    }

    /**
     * An admin demoted a moment ago still holds a valid access token; the rule must still keep one
     * active admin, counted in the database rather than trusted from the token.
     */
    @Test
    void theLastActiveAdminCannotBeDemotedButASecondAdminCan() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User first = data.user(org, "admin");
        TestData.User second = data.user(org, "admin");
        String firstBearer = Api.login(mvc, first).bearer();
        String secondBearer = Api.login(mvc, second).bearer();

        mvc.perform(json(patch("/api/users/" + first.id()), "{\"role\":\"compliance\"}")
                        .header("Authorization", secondBearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("compliance"));

        mvc.perform(json(patch("/api/users/" + second.id()), "{\"role\":\"viewer\"}")
                        .header("Authorization", firstBearer))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "last-admin"));
        mvc.perform(post("/api/users/" + second.id() + "/deactivate").header("Authorization", firstBearer))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "last-admin"));
        assertThat(role(second.id(), org)).isEqualTo("admin");
        assertThat(membershipStatus(second.id(), org)).isEqualTo("active");
    }

    @Test
    void anAdminCanBeDeactivatedWhileAnotherRemains() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User first = data.user(org, "admin");
        TestData.User second = data.user(org, "admin");
        mvc.perform(post("/api/users/" + second.id() + "/deactivate")
                        .header("Authorization", Api.login(mvc, first).bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("deactivated"));
    }

    @Test
    void nobodyDeactivatesThemselves() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User admin = data.user(org, "admin");
        data.user(org, "admin");
        mvc.perform(post("/api/users/" + admin.id() + "/deactivate")
                        .header("Authorization", Api.login(mvc, admin).bearer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "self-modification"));
        assertThat(membershipStatus(admin.id(), org)).isEqualTo("active");
    }

    @Test
    void aDeactivatedMemberCannotRefreshOrSignInUntilReactivated() throws Exception {
        TestData.Org org = data.organization("exporter");
        String bearer = Api.login(mvc, data.user(org, "admin")).bearer();
        TestData.User member = data.user(org, "logistics");
        Api.Login memberLogin = Api.login(mvc, member);

        mvc.perform(post("/api/users/" + member.id() + "/deactivate").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("deactivated"));

        assertThat(refresh(memberLogin.refreshCookie())).isEqualTo(401);
        assertThat(signIn(member)).isEqualTo(401);

        mvc.perform(post("/api/users/" + member.id() + "/reactivate").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("active"));
        assertThat(signIn(member)).isEqualTo(200);
    }

    @Test
    void usersOfAnotherOrganisationAreNotFound() throws Exception {
        String bearer = adminOfNewOrg().bearer();
        TestData.Org otherOrg = data.organization("buyer");
        TestData.User stranger = data.user(otherOrg, "viewer");
        data.user(otherOrg, "admin");
        String id = stranger.id().toString();

        for (ResultActions result : List.of(
                mvc.perform(get("/api/users/" + id).header("Authorization", bearer)),
                mvc.perform(
                        json(patch("/api/users/" + id), "{\"role\":\"admin\"}").header("Authorization", bearer)),
                mvc.perform(post("/api/users/" + id + "/deactivate").header("Authorization", bearer)),
                mvc.perform(post("/api/users/" + id + "/reactivate").header("Authorization", bearer)))) {
            result.andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        }
        assertThat(role(stranger.id(), otherOrg)).isEqualTo("viewer");
        assertThat(membershipStatus(stranger.id(), otherOrg)).isEqualTo("active");
    }

    private Api.Login adminOfNewOrg() throws Exception {
        return Api.login(mvc, data.user(data.organization("exporter"), "admin"));
    }

    private static String newUser(String email, String role) {
        return "{\"email\":\"" + email + "\",\"fullName\":\"Ngozi Eze\",\"role\":\"" + role + "\",\"password\":\""
                + STRONG + "\"}";
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private int refresh(Cookie cookie) throws Exception {
        return mvc.perform(post("/api/auth/refresh").cookie(cookie))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private int signIn(TestData.User user) throws Exception {
        return mvc.perform(json(
                        post("/api/auth/login"),
                        "{\"email\":\"" + user.email() + "\",\"password\":\"" + user.password() + "\"}"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String role(UUID userId, TestData.Org org) {
        return data.owner()
                .queryForObject(
                        "SELECT role FROM membership WHERE user_id = ? AND organization_id = ?",
                        String.class,
                        userId,
                        org.id());
    }

    private String membershipStatus(UUID userId, TestData.Org org) {
        return data.owner()
                .queryForObject(
                        "SELECT status FROM membership WHERE user_id = ? AND organization_id = ?",
                        String.class,
                        userId,
                        org.id());
    }
}
