package com.vibotaj.tracehub.reference;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ReferenceDataIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void everyOrganisationReadsTheSameSeededReferenceData() throws Exception {
        String buyer =
                Api.login(mvc, data.user(data.organization("buyer"), "buyer")).bearer();
        mvc.perform(get("/api/reference/countries").header("Authorization", buyer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'NG')].eudrRisk").value(hasItem("standard")))
                .andExpect(jsonPath("$[?(@.code == 'DE')].euMember").value(hasItem(true)));
        mvc.perform(get("/api/reference/locations/nlrtm").header("Authorization", buyer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Rotterdam"))
                .andExpect(jsonPath("$.countryCode").value("NL"));
    }

    @Test
    void rejectsMalformedAndUnknownLocodes() throws Exception {
        String viewer = Api.login(mvc, data.user(data.organization("exporter"), "viewer"))
                .bearer();
        mvc.perform(get("/api/reference/locations/TBD").header("Authorization", viewer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unlocode"));
        mvc.perform(get("/api/reference/locations/ZZXXX").header("Authorization", viewer))
                .andExpect(status().isNotFound());
    }

    @Test
    void requiresSignIn() throws Exception {
        mvc.perform(get("/api/reference/countries")).andExpect(status().isUnauthorized());
    }
}
