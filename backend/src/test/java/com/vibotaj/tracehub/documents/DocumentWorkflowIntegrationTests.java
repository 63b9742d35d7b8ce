package com.vibotaj.tracehub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every workflow move against every role, and what each organisation may see and do. */
@IntegrationTest
class DocumentWorkflowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    static DocumentFixtures f;

    @BeforeEach
    void setUp() throws Exception {
        if (f == null) {
            f = new DocumentFixtures(mvc, data);
        }
    }

    static Arguments move(String who, String from, String to, String reason, int expected) {
        return Arguments.of(who, from, to, reason, expected);
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                // submit: the uploader's organisation (with documents:upload) or a reviewer of the owner
                move("logistics", "uploaded", "under_review", null, 200),
                move("admin", "uploaded", "under_review", null, 200),
                move("compliance", "uploaded", "under_review", null, 200),
                move("viewer", "uploaded", "under_review", null, 403),
                move("buyer", "uploaded", "under_review", null, 403),
                move("supplier", "uploaded", "under_review", null, 403),
                move("forwarder", "uploaded", "under_review", null, 403),
                move("other", "uploaded", "under_review", null, 404),
                move("logistics", "under_review", "under_review", null, 409),
                move("logistics", "approved", "under_review", null, 409),
                // review: documents:review in the owner organisation, from under_review only
                move("compliance", "under_review", "approved", null, 200),
                move("admin", "under_review", "approved", null, 200),
                move("logistics", "under_review", "approved", null, 403),
                move("viewer", "under_review", "approved", null, 403),
                move("buyer", "under_review", "approved", null, 403),
                move("supplier", "under_review", "approved", null, 403),
                move("forwarder", "under_review", "approved", null, 403),
                move("other", "under_review", "approved", null, 404),
                move("compliance", "uploaded", "approved", null, 409),
                move("compliance", "rejected", "approved", null, 409),
                move("compliance", "superseded", "approved", null, 409),
                move("compliance", "archived", "approved", null, 409),
                move("compliance", "under_review", "rejected", "Illegible scan", 200),
                move("compliance", "under_review", "rejected", null, 422),
                move("logistics", "under_review", "rejected", "Illegible scan", 403),
                move("buyer", "under_review", "rejected", "Illegible scan", 403),
                move("compliance", "approved", "rejected", "Too late", 409),
                // never by request
                move("admin", "rejected", "uploaded", null, 409),
                move("admin", "approved", "superseded", null, 409),
                // archive: an admin of the owner, with a reason, from any status but archived
                move("admin", "uploaded", "archived", "Uploaded by mistake", 200),
                move("admin", "under_review", "archived", "Wrong shipment", 200),
                move("admin", "approved", "archived", "Replaced outside the system", 200),
                move("admin", "rejected", "archived", "Clean-up", 200),
                move("admin", "superseded", "archived", "Clean-up", 200),
                move("admin", "approved", "archived", null, 422),
                move("admin", "archived", "archived", "Again", 409),
                move("compliance", "approved", "archived", "Clean-up", 403),
                move("logistics", "uploaded", "archived", "Clean-up", 403),
                move("buyer", "approved", "archived", "Clean-up", 403),
                move("other", "approved", "archived", "Clean-up", 404));
    }

    TestData.User user(String who) {
        return switch (who) {
            case "admin" -> f.admin;
            case "compliance" -> f.compliance;
            case "logistics" -> f.logistics;
            case "viewer" -> f.viewer;
            case "buyer" -> f.buyerUser;
            case "supplier" -> f.supplierUser;
            case "forwarder" -> f.forwarderUser;
            case "other" -> f.otherAdmin;
            default -> throw new IllegalArgumentException(who);
        };
    }

    @ParameterizedTest(name = "{0}: {1} → {2} (reason {3}) answers {4}")
    @MethodSource("matrix")
    void transitions(String who, String from, String to, String reason, int expected) throws Exception {
        UUID id = f.uploaded("packing_list", "PACKING LIST");
        f.force(id, from);
        f.move(f.bearer(user(who)), id, to, reason).andExpect(status().is(expected));
        assertThat(f.status(id)).isEqualTo(expected == 200 ? to : from);
        long recorded = data.owner()
                .queryForObject(
                        "SELECT count(*) FROM document_transition WHERE document_id = ? AND from_status = ?"
                                + " AND to_status = ?",
                        Long.class,
                        id,
                        from,
                        to);
        assertThat(recorded).isEqualTo(expected == 200 ? 1 : 0);
        if (expected == 200) {
            Function<String, Object> last = column -> data.owner()
                    .queryForObject(
                            "SELECT " + column
                                    + " FROM document_transition WHERE document_id = ? ORDER BY id DESC LIMIT 1",
                            Object.class,
                            id);
            assertThat(last.apply("actor_user_id")).isEqualTo(user(who).id());
            assertThat(last.apply("from_status")).isEqualTo(from);
            assertThat(last.apply("reason")).isEqualTo(reason);
        }
    }

    @Test
    void theSupplierUploadsAndSubmitsItsOwnDocumentButTheOwnerStillOwnsIt() throws Exception {
        String supplier = f.bearer(f.supplierUser);
        String body = f.upload(
                        supplier,
                        f.shipment,
                        "quality_certificate",
                        "q.pdf",
                        DocumentFixtures.pdf("QUALITY"),
                        "referenceNumber",
                        "QC-2026-1",
                        "issueDate",
                        java.time.LocalDate.now().toString())
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        assertThat(data.owner().queryForObject("SELECT organization_id FROM document WHERE id = ?", UUID.class, id))
                .isEqualTo(f.exporter.id());
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT uploaded_by_organization_id FROM document WHERE id = ?", UUID.class, id))
                .isEqualTo(f.supplier.id());
        mvc.perform(patch("/api/documents/" + id + "/metadata")
                        .header("Authorization", supplier)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"referenceNumber\":\"QC-77\",\"issueDate\":\"" + java.time.LocalDate.now()
                                + "\",\"fields\":{\"moisture_percent\":\"7.2\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.metadata.fields.moisture_percent").value("7.2"));
        // The owner's logistics user neither uploaded it nor reviews: only the supplier or a reviewer submits.
        f.move(f.bearer(f.logistics), id, "under_review", null).andExpect(status().isForbidden());
        f.move(supplier, id, "under_review", null).andExpect(status().isOk());
        f.move(supplier, id, "approved", null).andExpect(status().isForbidden());
        f.move(f.bearer(f.compliance), id, "approved", null).andExpect(status().isOk());
        mvc.perform(patch("/api/documents/" + id + "/metadata")
                        .header("Authorization", supplier)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"referenceNumber\":\"QC-78\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void theBuyerAndTheForwarderSeeButCannotChange() throws Exception {
        UUID id = f.uploaded("bill_of_lading", "BILL OF LADING");
        for (TestData.User reader : new TestData.User[] {f.buyerUser, f.forwarderUser, f.viewer}) {
            String bearer = f.bearer(reader);
            mvc.perform(get("/api/shipments/" + f.shipment + "/documents").header("Authorization", bearer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.id=='" + id + "')]", hasSize(1)));
            mvc.perform(get("/api/documents/" + id).header("Authorization", bearer))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/documents/" + id + "/content").header("Authorization", bearer))
                    .andExpect(status().isOk());
            f.upload(bearer, f.shipment, "other", "x.pdf", DocumentFixtures.pdf("x"))
                    .andExpect(status().isForbidden());
            mvc.perform(patch("/api/documents/" + id + "/metadata")
                            .header("Authorization", bearer)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"referenceNumber\":\"X\"}"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anotherExporterGets404Everywhere() throws Exception {
        UUID id = f.uploaded("bill_of_lading", "BILL OF LADING");
        String other = f.bearer(f.otherAdmin);
        mvc.perform(get("/api/shipments/" + f.shipment + "/documents").header("Authorization", other))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/" + id).header("Authorization", other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/" + id + "/content").header("Authorization", other))
                .andExpect(status().isNotFound());
        f.upload(other, f.shipment, "other", "x.pdf", DocumentFixtures.pdf("x")).andExpect(status().isNotFound());
        f.move(other, id, "under_review", null).andExpect(status().isNotFound());
        mvc.perform(patch("/api/documents/" + id + "/metadata")
                        .header("Authorization", other)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"referenceNumber\":\"X\"}"))
                .andExpect(status().isNotFound());
        assertThat(f.status(id)).isEqualTo("uploaded");
    }

    @Test
    void aSupplierOfAnotherShipmentCannotUploadToThisOne() throws Exception {
        TestData.Org stranger = data.organization("supplier");
        TestData.User strangerUser = data.user(stranger, "supplier");
        f.upload(f.bearer(strangerUser), f.shipment, "other", "x.pdf", DocumentFixtures.pdf("x"))
                .andExpect(status().isNotFound());
    }
}
