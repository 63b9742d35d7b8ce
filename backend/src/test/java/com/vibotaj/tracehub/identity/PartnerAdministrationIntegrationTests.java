package com.vibotaj.tracehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class PartnerAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    ResultActions create(String bearer, String json) throws Exception {
        return mvc.perform(post("/api/partners")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void anExporterAdminAddsABuyerWhoseInvitedAdminSeesItsShipmentsOnly() throws Exception {
        TestData.Org exporter = data.organization("exporter");
        String admin = Api.login(mvc, data.user(exporter, "admin")).bearer();
        String email = "import-" + UUID.randomUUID().toString().substring(0, 8) + "@rijnhaven.example";

        String body = create(admin, """
                        {"name":"Rijnhaven Cocoa Trading B.V.","type":"buyer","countryCode":"nl","adminEmail":"%s"}""".formatted(email))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.partner.type").value("buyer"))
                .andExpect(jsonPath("$.adminInvitation.acceptUrl").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String partnerId = JsonPath.read(body, "$.partner.id");

        mvc.perform(get("/api/partners").header("Authorization", admin))
                .andExpect(jsonPath("$[*].id", hasItem(partnerId)));
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT type || ':' || country_code FROM organization WHERE id = ?::uuid",
                                String.class,
                                partnerId))
                .isEqualTo("buyer:NL");
        // The invitation belongs to the partner's organisation, for its first administrator.
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT role || ':' || status FROM invitation WHERE organization_id = ?::uuid AND email = ?",
                                String.class,
                                partnerId,
                                email))
                .isEqualTo("admin:pending");

        // The new partner can be named as a shipment's buyer straight away.
        String logistics = Api.login(mvc, data.user(exporter, "logistics")).bearer();
        mvc.perform(post("/api/shipments")
                        .header("Authorization", logistics)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference\":\"RIJN-1\",\"productType\":\"cocoa_beans\",\"buyerOrganizationId\":\""
                                + partnerId + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.buyer.name").value("Rijnhaven Cocoa Trading B.V."));
    }

    @Test
    void onlyExporterAdminsAddPartnersAndNamesAreUnique() throws Exception {
        TestData.Org exporter = data.organization("exporter");
        String admin = Api.login(mvc, data.user(exporter, "admin")).bearer();
        create(admin, "{\"name\":\"Ikorodu Haulage\",\"type\":\"logistics\"}").andExpect(status().isCreated());
        create(admin, "{\"name\":\"ikorodu haulage\",\"type\":\"logistics\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://tracehub.vibotaj.com/problems/partner-exists"));
        create(admin, "{\"name\":\"Another Exporter\",\"type\":\"exporter\"}").andExpect(status().isBadRequest());
        create(admin, "{\"name\":\"Bad Country\",\"type\":\"buyer\",\"countryCode\":\"NLD\"}")
                .andExpect(status().isBadRequest());

        String logistics = Api.login(mvc, data.user(exporter, "logistics")).bearer();
        create(logistics, "{\"name\":\"Not Allowed\",\"type\":\"buyer\"}").andExpect(status().isForbidden());

        String buyerAdmin =
                Api.login(mvc, data.user(data.organization("buyer"), "admin")).bearer();
        create(buyerAdmin, "{\"name\":\"Not An Exporter\",\"type\":\"supplier\"}")
                .andExpect(status().isForbidden());
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM organization WHERE name IN ('Not Allowed', 'Not An Exporter')",
                                Long.class))
                .isZero();
    }
}
