package com.vibotaj.tracehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class AuthenticationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void signsInAndDescribesTheCallerWithPermissionsOfTheRole() throws Exception {
        TestData.Org org = data.organization("exporter");
        TestData.User admin = data.user(org, "admin");

        Api.Login login = Api.login(mvc, admin);

        assertThat(login.refreshCookie().isHttpOnly()).isTrue();
        assertThat(login.refreshCookie().getPath()).isEqualTo("/api/auth");
        mvc.perform(get("/api/me").header("Authorization", login.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(admin.email()))
                .andExpect(jsonPath("$.role").value("admin"))
                .andExpect(jsonPath("$.organization.id").value(org.id().toString()))
                .andExpect(jsonPath("$.organization.type").value("exporter"))
                .andExpect(jsonPath("$.permissions").value(hasItem("users:manage")));
    }

    @Test
    void viewerHasNoAdministrationPermission() throws Exception {
        TestData.User viewer = data.user(data.organization("buyer"), "viewer");
        mvc.perform(get("/api/me")
                        .header("Authorization", Api.login(mvc, viewer).bearer()))
                .andExpect(jsonPath("$.role").value("viewer"))
                .andExpect(jsonPath("$.permissions").value(not(hasItem("users:manage"))));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameProblem() throws Exception {
        TestData.User user = data.user(data.organization("exporter"), "logistics");
        String wrong =
                login(user.email(), "not the password at all").getResponse().getContentAsString();
        String unknown = login("nobody-" + user.id() + "@example.test", "whatever it is")
                .getResponse()
                .getContentAsString();

        assertThat(wrong).contains("invalid-credentials").contains("E-mail or password is incorrect.");
        assertThat(unknown).contains("invalid-credentials").contains("E-mail or password is incorrect.");
        assertThat(wrong).doesNotContain(user.email()).doesNotContain("not the password");
    }

    @Test
    void repeatedWrongPasswordsAreRateLimitedWithRetryAfter() throws Exception {
        TestData.User user = data.user(data.organization("exporter"), "compliance");
        for (int i = 0; i < 5; i++) {
            assertThat(login(user.email(), "wrong password " + i).getResponse().getStatus())
                    .isEqualTo(401);
        }
        mvc.perform(post("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(user.email(), user.password())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://tracehub.vibotaj.com/problems/too-many-attempts"))
                .andExpect(jsonPath("$.detail").value(startsWith("Too many failed sign-in attempts")));
    }

    @Test
    void refreshRotatesTheCookieAndReuseOfAnOldOneEndsTheFamily() throws Exception {
        TestData.User user = data.user(data.organization("exporter"), "admin");
        Api.Login login = Api.login(mvc, user);

        MvcResult first = refresh(login.refreshCookie());
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        Cookie rotated = first.getResponse().getCookie("TH_REFRESH");
        assertThat(rotated.getValue()).isNotEqualTo(login.refreshCookie().getValue());

        // The original cookie was already exchanged: presenting it again is treated as theft.
        assertThat(refresh(login.refreshCookie()).getResponse().getStatus()).isEqualTo(401);
        // ...and the legitimate newer token of the same family is revoked too.
        assertThat(refresh(rotated).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() throws Exception {
        TestData.User user = data.user(data.organization("buyer"), "buyer");
        Api.Login login = Api.login(mvc, user);

        mvc.perform(post("/api/auth/logout").cookie(login.refreshCookie())).andExpect(status().isNoContent());

        assertThat(refresh(login.refreshCookie()).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void deactivatedMemberCannotSignIn() throws Exception {
        TestData.User user = data.user(data.organization("supplier"), "supplier");
        data.owner().update("UPDATE membership SET status = 'deactivated' WHERE user_id = ?", user.id());
        assertThat(login(user.email(), user.password()).getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void aStaleAccessTokenDoesNotBlockRefresh() throws Exception {
        TestData.User user = data.user(data.organization("exporter"), "viewer");
        Api.Login login = Api.login(mvc, user);
        mvc.perform(post("/api/auth/refresh")
                        .header("Authorization", "Bearer expired.or.garbage")
                        .cookie(login.refreshCookie()))
                .andExpect(status().isOk());
    }

    private MvcResult login(String email, String password) throws Exception {
        return mvc.perform(post("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(email, password)))
                .andReturn();
    }

    private MvcResult refresh(Cookie cookie) throws Exception {
        return mvc.perform(post("/api/auth/refresh").cookie(cookie)).andReturn();
    }

    private static String json(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
