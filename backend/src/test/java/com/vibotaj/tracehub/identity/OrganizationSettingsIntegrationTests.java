package com.vibotaj.tracehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class OrganizationSettingsIntegrationTests {

    private static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    OrganizationSettings settings;

    @Autowired
    ScopedTransactions tx;

    TestData.Org exporter;
    TestData.Org other;

    @BeforeEach
    void setUp() {
        exporter = data.organization("exporter");
        other = data.organization("exporter");
    }

    ResultActions putAs(TestData.User user, String json) throws Exception {
        return mvc.perform(put("/api/organization/settings")
                .header("Authorization", Api.login(mvc, user).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    ResultActions getAs(TestData.User user) throws Exception {
        return mvc.perform(get("/api/organization/settings")
                .header("Authorization", Api.login(mvc, user).bearer()));
    }

    @Test
    void anAdministratorSetsTheTracesNumberNormalisedAndEveryMemberReadsIt() throws Exception {
        TestData.User admin = data.user(exporter, "admin");
        TestData.User viewer = data.user(exporter, "viewer");
        getAs(viewer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tracesNumber").value(nullValue()));
        putAs(admin, "{\"tracesNumber\":\" ng-traces-2026-0417 \"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tracesNumber").value("NG-TRACES-2026-0417"));
        getAs(viewer).andExpect(jsonPath("$.tracesNumber").value("NG-TRACES-2026-0417"));
        assertThat(tx.read(TenantScope.organization(exporter.id()), () -> settings.tracesNumber(exporter.id())))
                .contains("NG-TRACES-2026-0417");
        putAs(admin, "{\"tracesNumber\":\"\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tracesNumber").value(nullValue()));
    }

    @Test
    void onlySettingsManagersMayChangeIt() throws Exception {
        for (String role : new String[] {"compliance", "logistics", "viewer"}) {
            putAs(data.user(exporter, role), "{\"tracesNumber\":\"NG-TRACES-1\"}")
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
        }
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT traces_number FROM organization WHERE id = ?", String.class, exporter.id()))
                .isNull();
    }

    @Test
    void refusesANumberThatCannotBeATracesNumber() throws Exception {
        putAs(data.user(exporter, "admin"), "{\"tracesNumber\":\"<script>\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("tracesNumber"));
    }

    @Test
    void eachOrganisationSeesAndChangesOnlyItsOwnSettings() throws Exception {
        putAs(data.user(exporter, "admin"), "{\"tracesNumber\":\"NG-TRACES-A\"}")
                .andExpect(status().isOk());
        TestData.User otherAdmin = data.user(other, "admin");
        getAs(otherAdmin).andExpect(jsonPath("$.tracesNumber").value(nullValue()));
        putAs(otherAdmin, "{\"tracesNumber\":\"NG-TRACES-B\"}").andExpect(status().isOk());
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT traces_number FROM organization WHERE id = ?", String.class, exporter.id()))
                .isEqualTo("NG-TRACES-A");
        // Row-level security: in another organisation's scope the setting is not even readable.
        assertThat(tx.read(TenantScope.organization(other.id()), () -> settings.tracesNumber(exporter.id())))
                .isEmpty();
    }

    @Test
    void needsAuthentication() throws Exception {
        mvc.perform(get("/api/organization/settings")).andExpect(status().isUnauthorized());
    }
}
