package com.vibotaj.tracehub.analytics;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Who may read analytics, and how bad parameters are answered. */
@IntegrationTest
class AnalyticsApiIntegrationTests {

    private static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    TestData.Org exporter;
    String viewer;

    @BeforeEach
    void setUp() throws Exception {
        exporter = data.organization("exporter");
        viewer = Api.login(mvc, data.user(exporter, "viewer")).bearer();
    }

    @Test
    void rolesWithoutAnalyticsReadAreRefusedAndAnonymousCallersMustSignIn() throws Exception {
        TestData.Org buyer = data.organization("buyer");
        String buyerRole = Api.login(mvc, data.user(buyer, "buyer")).bearer();
        mvc.perform(get("/api/analytics/summary").header("Authorization", buyerRole))
                .andExpect(status().isForbidden());
        String supplierRole = Api.login(mvc, data.user(data.organization("supplier"), "supplier"))
                .bearer();
        mvc.perform(get("/api/analytics/trends").header("Authorization", supplierRole))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/analytics/summary")).andExpect(status().isUnauthorized());
    }

    @Test
    void anEmptyOrganisationGetsZerosAndNoRatesRatherThanInventedPercentages() throws Exception {
        mvc.perform(get("/api/analytics/summary").header("Authorization", viewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.count").value(0))
                .andExpect(jsonPath("$.total.list").value("/api/shipments"))
                .andExpect(jsonPath("$.byStatus", hasSize(8)))
                .andExpect(jsonPath("$.onTime.rate").doesNotExist())
                .andExpect(jsonPath("$.compliance.rate").doesNotExist())
                .andExpect(jsonPath("$.averageTransitDays.days").doesNotExist());
    }

    @Test
    void trendsCoverWholeWeeksOrMonthsOfThePeriod() throws Exception {
        mvc.perform(get("/api/analytics/trends?granularity=week&from=2026-11-04&to=2026-11-18")
                        .header("Authorization", viewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period.from").value("2026-11-02"))
                .andExpect(jsonPath("$.period.to").value("2026-11-22"))
                .andExpect(jsonPath("$.buckets", hasSize(3)))
                .andExpect(jsonPath("$.buckets[0].created.list")
                        .value("/api/shipments?createdFrom=2026-11-02T00:00:00Z&createdTo=2026-11-09T00:00:00Z"));
        mvc.perform(get("/api/analytics/trends?granularity=month&from=2026-01-15&to=2026-03-01")
                        .header("Authorization", viewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buckets", hasSize(3)))
                .andExpect(jsonPath("$.buckets[2].start").value("2026-03-01"));
    }

    @Test
    void badParametersAreValidationProblemsNamingTheField() throws Exception {
        mvc.perform(get("/api/analytics/trends?granularity=day").header("Authorization", viewer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("granularity"));
        mvc.perform(get("/api/analytics/breakdown?by=country").header("Authorization", viewer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("by"));
        mvc.perform(get("/api/analytics/summary?from=2026-05-01&to=2026-04-01").header("Authorization", viewer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/analytics/summary?from=2020-01-01&to=2026-04-01").header("Authorization", viewer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/analytics/summary?buyerId=nope").header("Authorization", viewer))
                .andExpect(status().isBadRequest());
    }
}
