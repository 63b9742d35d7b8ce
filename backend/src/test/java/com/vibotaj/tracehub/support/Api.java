package com.vibotaj.tracehub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Signs test users in through the real login endpoint. */
public final class Api {

    private Api() {}

    public record Login(String accessToken, Cookie refreshCookie) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    public static Login login(MockMvc mvc, TestData.User user) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + user.email() + "\",\"password\":\"" + user.password() + "\"}"))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as("login of %s: %s", user.email(), result.getResponse().getContentAsString())
                .isEqualTo(200);
        String token = JsonPath.read(result.getResponse().getContentAsString(), "$.accessToken");
        return new Login(token, result.getResponse().getCookie("TH_REFRESH"));
    }
}
