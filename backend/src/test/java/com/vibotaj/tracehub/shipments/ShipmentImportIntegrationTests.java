package com.vibotaj.tracehub.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class ShipmentImportIntegrationTests {

    private static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";
    private static final String HEADER =
            "Reference,product_type,buyer,suppliers,port_of_loading,port_of_discharge,etd,eta,status,containers,"
                    + "hs_code,description,net_weight_kg,gross_weight_kg\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    TestData.Org exporter;
    TestData.Org buyer;
    TestData.Org supplier;
    String logistics;

    @BeforeEach
    void setUp() throws Exception {
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        supplier = data.organization("supplier");
        data.partner(exporter, buyer);
        data.partner(exporter, supplier);
        logistics = Api.login(mvc, data.user(exporter, "logistics")).bearer();
    }

    String row(String reference, String buyerCell, String etd, String status, String containers) {
        return String.join(
                        ",",
                        reference,
                        "cocoa_beans",
                        buyerCell,
                        supplier.id().toString(),
                        "NGAPP",
                        "DEHAM",
                        etd,
                        "2025-03-24",
                        status,
                        containers,
                        "180100",
                        "\"Raw cocoa beans, grade 1\"",
                        "24000",
                        "24500")
                + "\n";
    }

    String valid(String reference, String status) {
        return row(reference, buyer.name(), "2025-03-01", status, "CSQU3054383");
    }

    /** Valid rows on lines 2 and 8, and one of each kind of error on lines 3 to 7. */
    String mixed(String prefix) {
        return HEADER
                + valid(prefix + "-1", "")
                + row(prefix + "-2", buyer.name(), "2025-03-01", "", "MSCU1234567")
                + row(prefix + "-3", "Nobody Trading Ltd", "2025-03-01", "", "CSQU3054383")
                + row(prefix + "-4", buyer.name(), "2025-13-01", "", "CSQU3054383")
                + valid(prefix.toLowerCase(java.util.Locale.ROOT) + "-1", "")
                + valid(prefix + "-6", "").replace(",cocoa_beans,", ",,")
                + valid(prefix + "-7", "in_transit");
    }

    ResultActions upload(String bearer, String query, String csv) throws Exception {
        return mvc.perform(post("/api/shipments/import?" + query)
                .header("Authorization", bearer)
                .contentType("text/csv")
                .content(csv));
    }

    long shipmentsOf(TestData.Org org) {
        return data.owner()
                .queryForObject("SELECT count(*) FROM shipment WHERE organization_id = ?", Long.class, org.id());
    }

    @Test
    void aDryRunReportsEveryRowsErrorsOnItsLineAndWritesNothing() throws Exception {
        upload(logistics, "dryRun=true", mixed("HIST"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.totalRows").value(7))
                .andExpect(jsonPath("$.validRows").value(2))
                .andExpect(jsonPath("$.invalidRows").value(5))
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.rows[*].row", contains(2, 3, 4, 5, 6, 7, 8)))
                .andExpect(jsonPath("$.rows[*].valid", contains(true, false, false, false, false, false, true)))
                .andExpect(jsonPath("$.rows[0].errors", empty()))
                .andExpect(jsonPath("$.rows[1].errors[*].field", contains("containers")))
                .andExpect(jsonPath("$.rows[1].errors[0].message", startsWith("MSCU1234567: check digit")))
                .andExpect(jsonPath("$.rows[2].errors[*].field", contains("buyer")))
                .andExpect(jsonPath("$.rows[2].errors[0].message", containsString("Nobody Trading Ltd")))
                .andExpect(jsonPath("$.rows[3].errors[*].field", contains("etd")))
                .andExpect(jsonPath("$.rows[4].reference").value("hist-1"))
                .andExpect(jsonPath("$.rows[4].errors[*].field", contains("reference")))
                .andExpect(jsonPath("$.rows[4].errors[0].message", containsString("line 2")))
                .andExpect(jsonPath("$.rows[5].errors[*].field", contains("product_type")))
                .andExpect(jsonPath("$.rows[5].errors[0].message").value("is required"));
        assertThat(shipmentsOf(exporter)).isZero();
    }

    @Test
    void aRealImportWithAnInvalidRowImportsNothing() throws Exception {
        upload(logistics, "dryRun=false", mixed("ALL"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(false))
                .andExpect(jsonPath("$.invalidRows").value(5))
                .andExpect(jsonPath("$.imported").value(0));
        assertThat(shipmentsOf(exporter)).isZero();
    }

    @Test
    void skipInvalidImportsOnlyTheValidRowsInTheirHistoricalStatusFromSourceImport() throws Exception {
        upload(logistics, "dryRun=false&skipInvalid=true", mixed("SKIP"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        assertThat(shipmentsOf(exporter)).isEqualTo(2);

        String list = mvc.perform(get("/api/shipments?sort=reference").header("Authorization", logistics))
                .andExpect(jsonPath("$.items[*].reference", contains("SKIP-1", "SKIP-7")))
                .andExpect(jsonPath("$.items[*].status", contains("delivered", "in_transit")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(list, "$.items[0].id");
        mvc.perform(get("/api/shipments/" + id).header("Authorization", logistics))
                .andExpect(jsonPath("$.buyer.id").value(buyer.id().toString()))
                .andExpect(jsonPath("$.suppliers[0].id").value(supplier.id().toString()))
                .andExpect(jsonPath("$.containers[0].number").value("CSQU3054383"))
                .andExpect(jsonPath("$.productLines[0].description").value("Raw cocoa beans, grade 1"))
                .andExpect(jsonPath("$.etd").value(startsWith("2025-03-01T00:00")));
        mvc.perform(get("/api/shipments/" + id + "/history").header("Authorization", logistics))
                .andExpect(jsonPath("$[*].to", contains("delivered")))
                .andExpect(jsonPath("$[*].source", contains("import")));

        // Imported references are taken: importing them again is a row error, not a conflict.
        upload(logistics, "dryRun=true", HEADER + valid("skip-7", "archived"))
                .andExpect(jsonPath("$.rows[0].errors[0].field").value("reference"))
                .andExpect(jsonPath("$.rows[0].errors[0].message").value(containsString("already used")));
    }

    @Test
    void anotherOrganisationCannotSeeImportedShipments() throws Exception {
        upload(logistics, "dryRun=false", HEADER + valid("MINE-1", "archived"))
                .andExpect(jsonPath("$.imported").value(1));
        String id = JsonPath.read(
                mvc.perform(get("/api/shipments?status=archived").header("Authorization", logistics))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");
        TestData.Org otherExporter = data.organization("exporter");
        String other = Api.login(mvc, data.user(otherExporter, "admin")).bearer();
        mvc.perform(get("/api/shipments?status=archived").header("Authorization", other))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/shipments/" + id).header("Authorization", other)).andExpect(status().isNotFound());
        // The other exporter may use the same reference: references are unique per organisation.
        upload(other, "dryRun=true", HEADER + "MINE-1,cocoa_beans,,,,,,,,,,,,\n")
                .andExpect(jsonPath("$.validRows").value(1));
    }

    @Test
    void buyersAndViewersMayNotImport() throws Exception {
        String viewer = Api.login(mvc, data.user(exporter, "viewer")).bearer();
        String buyerUser = Api.login(mvc, data.user(buyer, "buyer")).bearer();
        String buyerAdmin = Api.login(mvc, data.user(buyer, "admin")).bearer();
        for (String bearer : List.of(viewer, buyerUser, buyerAdmin)) {
            upload(bearer, "dryRun=true", HEADER + valid("NOPE-1", ""))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
        }
        assertThat(shipmentsOf(buyer)).isZero();
    }

    @Test
    void anOversizedFileIsRefusedWith413() throws Exception {
        String big = HEADER + "x".repeat(5 * 1024 * 1024);
        upload(logistics, "dryRun=true", big)
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "import-too-large"))
                .andExpect(jsonPath("$.detail").value(containsString("5 MB")));
    }

    @Test
    void unknownColumnsAndBrokenQuotesAreFileErrors() throws Exception {
        upload(logistics, "dryRun=true", "reference,product_type,colour\nA-1,cocoa_beans,red\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "import-columns"))
                .andExpect(jsonPath("$.detail").value(containsString("Unknown columns: colour")))
                .andExpect(jsonPath("$.unknownColumns", contains("colour")));
        upload(logistics, "dryRun=true", "reference,product_type\nA-1,cocoa_beans\nA-2,\"cocoa_beans\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "import-malformed-csv"))
                .andExpect(jsonPath("$.line").value(3))
                .andExpect(jsonPath("$.detail").value(startsWith("Line 3: ")));
    }

    @Test
    void acceptsOctetStreamAndServesATemplate() throws Exception {
        mvc.perform(post("/api/shipments/import")
                        .header("Authorization", logistics)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(HEADER + valid("OCT-1", "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.validRows").value(1));
        mvc.perform(get("/api/shipments/import/template").header("Authorization", logistics))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"shipments-template.csv\""))
                .andExpect(content().string(startsWith("reference,product_type,buyer,suppliers,")));
        assertThat(shipmentsOf(exporter)).isZero();
    }
}
