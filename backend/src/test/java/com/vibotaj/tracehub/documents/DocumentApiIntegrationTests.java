package com.vibotaj.tracehub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.documents.internal.Actor;
import com.vibotaj.tracehub.documents.internal.DocumentService;
import com.vibotaj.tracehub.documents.internal.storage.StorageProperties;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DocumentApiIntegrationTests {

    static final String PROBLEMS = "https://tracehub.vibotaj.com/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    DocumentService service;

    @Autowired
    StorageProperties storage;

    DocumentFixtures f;

    @BeforeEach
    void setUp() throws Exception {
        f = new DocumentFixtures(mvc, data);
    }

    long rows(UUID shipment) {
        return data.owner().queryForObject("SELECT count(*) FROM document WHERE shipment_id = ?", Long.class, shipment);
    }

    List<Path> storedFiles(UUID shipment) throws IOException {
        Path dir = storage.path().resolve("shipments").resolve(shipment.toString());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void uploadsAPdfUnderAGeneratedKeyWithItsHashDetectedTypeAndSuggestions() throws Exception {
        byte[] pdf = DocumentFixtures.pdf(
                "BILL OF LADING",
                "B/L No: MAEU241234567",
                "Shipper: Ogun Valley Agro Exports Ltd   Consignee: Hamburg Cocoa GmbH",
                "Port of loading: NGAPP Apapa   Port of discharge: DEHAM Hamburg",
                "Container CSQU3054383 seal ML123, container MSKU1234560 (wrong digit)",
                "HS code: 1801.00 Raw cocoa beans",
                "Gross weight 24,500 kg");
        String body = f.upload(
                        f.bearer(f.logistics),
                        f.shipment,
                        "bill_of_lading",
                        "../../etc/passwd.pdf",
                        pdf,
                        "referenceNumber",
                        " MAEU241234567 ",
                        "issueDate",
                        "2026-11-02")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("bill_of_lading"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("uploaded"))
                .andExpect(jsonPath("$.current").value(false))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.originalName").value("passwd.pdf"))
                .andExpect(jsonPath("$.sizeBytes").value(pdf.length))
                .andExpect(jsonPath("$.sha256").value(sha256(pdf)))
                .andExpect(jsonPath("$.metadata.referenceNumber").value("MAEU241234567"))
                .andExpect(jsonPath("$.metadata.issueDate").value("2026-11-02"))
                .andExpect(jsonPath("$.suggestions.types[0].code").value("bill_of_lading"))
                .andExpect(jsonPath("$.suggestions.containerNumbers", hasItem("CSQU3054383")))
                .andExpect(jsonPath("$.suggestions.containerNumbers", hasSize(1)))
                .andExpect(jsonPath("$.suggestions.hsCodes", hasItem("180100")))
                .andExpect(jsonPath("$.suggestions.ports", hasItem("NGAPP")))
                .andExpect(jsonPath("$.suggestions.ports", hasItem("DEHAM")))
                .andExpect(jsonPath("$.suggestions.weightsKg", hasItem(24500)))
                .andExpect(jsonPath("$.suggestions.referenceNumbers", hasItem("MAEU241234567")))
                .andExpect(jsonPath("$.transitions", hasSize(1)))
                .andExpect(jsonPath("$.transitions[0].to").value("uploaded"))
                .andExpect(jsonPath("$.transitions[0].actorName").value("Test logistics"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        String key = data.owner().queryForObject("SELECT storage_key FROM document WHERE id = ?", String.class, id);
        assertThat(key).isEqualTo("shipments/" + f.shipment + "/" + id).doesNotContain("passwd");
        assertThat(storedFiles(f.shipment)).singleElement().satisfies(p -> {
            assertThat(p.getFileName().toString()).isEqualTo(id.toString());
            assertThat(Files.readAllBytes(p)).isEqualTo(pdf);
        });
        // Nothing was written outside the store's root.
        assertThat(storage.path().resolve("../etc/passwd.pdf").normalize()).doesNotExist();
    }

    @Test
    void refusesATextFileNamedPdfWith415AndKeepsNothing() throws Exception {
        f.upload(
                        f.bearer(f.logistics),
                        f.shipment,
                        "commercial_invoice",
                        "invoice.pdf",
                        "Invoice 42, totally a PDF".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unsupported-document-type"))
                .andExpect(jsonPath("$.detail", containsString("text/plain")));
        assertThat(rows(f.shipment)).isZero();
        assertThat(storedFiles(f.shipment)).isEmpty();
    }

    @Test
    void refusesAFileOverTheLimitWith413AndKeepsNothing() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024 + 1]; // the test profile's limit is 2 MB
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        f.upload(f.bearer(f.logistics), f.shipment, "packing_list", "big.pdf", big)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "document-too-large"));
        assertThat(rows(f.shipment)).isZero();
        assertThat(storedFiles(f.shipment)).isEmpty();
    }

    @Test
    void tellsDocxFromXlsxByTheirBytesWhateverTheirNames() throws Exception {
        String bearer = f.bearer(f.logistics);
        f.upload(bearer, f.shipment, "contract", "contract.xlsx", DocumentFixtures.docx())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType")
                        .value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        f.upload(bearer, f.shipment, "packing_list", "packing.docx", DocumentFixtures.xlsx())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType")
                        .value("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        // A plain zip that is no Office document is refused.
        f.upload(bearer, f.shipment, "other", "notes.docx", DocumentFixtures.ooxml("application/xml", "content.xml"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void anInterruptedUploadLeavesNoRowAndNoFile() throws Exception {
        InputStream breaking = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("connection reset by peer");
                }
                return 'x';
            }
        };
        Actor actor = new Actor(f.logistics.id(), f.exporter.id(), Role.LOGISTICS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        service.upload(actor, f.shipment, "packing_list", DocumentMetadata.empty(), "p.pdf", breaking))
                .isInstanceOf(DocumentService.UploadInterruptedException.class);
        assertThat(rows(f.shipment)).isZero();
        assertThat(storedFiles(f.shipment)).isEmpty();
    }

    @Test
    void theSameFileTwiceIsAVersionAndAFlaggedDuplicateAndTheSameReferenceElsewhereIsFlaggedToo() throws Exception {
        String bearer = f.bearer(f.logistics);
        byte[] pdf = DocumentFixtures.pdf("COMMERCIAL INVOICE", "Invoice No: INV-2026-0042");
        String first = f.upload(
                        bearer, f.shipment, "commercial_invoice", "a.pdf", pdf, "referenceNumber", "INV-2026-0042")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.duplicates", hasSize(0)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        f.upload(bearer, f.shipment, "commercial_invoice", "b.pdf", pdf)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.duplicates", hasSize(1)))
                .andExpect(jsonPath("$.duplicates[0].kind").value("same_file"))
                .andExpect(jsonPath("$.duplicates[0].documentId").value((String) JsonPath.read(first, "$.id")));
        UUID second =
                f.shipment(f.exporter, "DOC2-" + UUID.randomUUID().toString().substring(0, 8));
        f.upload(
                        bearer,
                        second,
                        "commercial_invoice",
                        "c.pdf",
                        DocumentFixtures.pdf("another file"),
                        "referenceNumber",
                        "INV-2026-0042")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.duplicates", hasSize(1)))
                .andExpect(jsonPath("$.duplicates[0].kind").value("same_reference"))
                .andExpect(jsonPath("$.duplicates[0].shipmentId").value(f.shipment.toString()));
        // Another exporter's identical file is not visible to this one and so is no duplicate.
        UUID foreign = f.shipment(
                f.otherExporter, "OTH-" + UUID.randomUUID().toString().substring(0, 8));
        f.upload(
                        f.bearer(f.otherAdmin),
                        foreign,
                        "commercial_invoice",
                        "x.pdf",
                        pdf,
                        "referenceNumber",
                        "INV-2026-0042")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.duplicates", hasSize(0)));
        // The shipment's list flags the same duplicates per version (read for all versions in one
        // statement): v1 has the same file as v2 and the same reference as the second shipment's invoice;
        // v2 has no reference, only the same file as v1; the other exporter's copy is never named.
        String firstId = JsonPath.read(first, "$.id");
        mvc.perform(get("/api/shipments/" + f.shipment + "/documents").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.version == 1)].duplicates[*].kind")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("same_file", "same_reference")))
                .andExpect(jsonPath("$[?(@.version == 1)].duplicates[?(@.kind == 'same_reference')].shipmentId")
                        .value(org.hamcrest.Matchers.contains(second.toString())))
                .andExpect(jsonPath("$[?(@.version == 2)].duplicates[*].kind")
                        .value(org.hamcrest.Matchers.contains("same_file")))
                .andExpect(jsonPath("$[?(@.version == 2)].duplicates[*].documentId")
                        .value(org.hamcrest.Matchers.contains(firstId)));
    }

    @Test
    void approvingANewerVersionSupersedesTheOldOneAndMovesCurrent() throws Exception {
        String uploader = f.bearer(f.logistics);
        String reviewer = f.bearer(f.compliance);
        UUID v1 = f.uploaded("packing_list", "PACKING LIST v1");
        f.move(uploader, v1, "under_review", null).andExpect(status().isOk());
        f.move(reviewer, v1, "approved", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("approved"))
                .andExpect(jsonPath("$.current").value(true));
        UUID v2 = f.uploaded("packing_list", "PACKING LIST v2");
        mvc.perform(get("/api/shipments/" + f.shipment + "/documents").header("Authorization", uploader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[0].current").value(true))
                .andExpect(jsonPath("$[1].version").value(2))
                .andExpect(jsonPath("$[1].current").value(false));
        f.move(uploader, v2, "under_review", null).andExpect(status().isOk());
        f.move(reviewer, v2, "approved", null).andExpect(jsonPath("$.current").value(true));
        assertThat(f.status(v1)).isEqualTo("superseded");
        mvc.perform(get("/api/documents/" + v1).header("Authorization", uploader))
                .andExpect(jsonPath("$.current").value(false))
                .andExpect(jsonPath("$.transitions", hasSize(4)))
                .andExpect(jsonPath("$.transitions[3].from").value("approved"))
                .andExpect(jsonPath("$.transitions[3].to").value("superseded"))
                .andExpect(jsonPath("$.transitions[3].actorUserId")
                        .value(f.compliance.id().toString()))
                .andExpect(jsonPath("$.transitions[3].reason").value("Superseded by version 2"));
        // Older versions stay downloadable.
        mvc.perform(get("/api/documents/" + v1 + "/content").header("Authorization", uploader))
                .andExpect(status().isOk());
    }

    @Test
    void rejectingNeedsAReasonAndARejectedTypeComesBackAsANewVersion() throws Exception {
        String reviewer = f.bearer(f.compliance);
        UUID v1 = f.uploaded("certificate_of_origin", "CERTIFICATE OF ORIGIN");
        f.force(v1, "under_review");
        f.move(reviewer, v1, "rejected", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "document-reason-required"));
        f.move(reviewer, v1, "rejected", "   ").andExpect(status().isUnprocessableContent());
        assertThat(f.status(v1)).isEqualTo("under_review");
        f.move(reviewer, v1, "rejected", "Stamp missing")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("rejected"))
                .andExpect(jsonPath("$.transitions[1].reason").value("Stamp missing"));
        f.move(f.bearer(f.logistics), v1, "uploaded", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "document-transition-refused"));
        UUID v2 = f.uploaded("certificate_of_origin", "CERTIFICATE OF ORIGIN corrected");
        assertThat(f.status(v2)).isEqualTo("uploaded");
        assertThat(data.owner().queryForObject("SELECT version FROM document WHERE id = ?", Integer.class, v2))
                .isEqualTo(2);
    }

    @Test
    void metadataIsEditableOnlyWhileInReviewAndOnlyWithTheTypesFields() throws Exception {
        String uploader = f.bearer(f.logistics);
        UUID id = f.uploaded("bill_of_lading", "BILL OF LADING");
        String json = """
                {"referenceNumber":"MAEU241234567","issueDate":"2026-11-02","issuer":"Maersk",
                 "fields":{"container_numbers":"csqu 305438-3, MSKU 123456-5","hs_codes":"1801.00","gross_weight_kg":"24500.0"}}""";
        mvc.perform(patch("/api/documents/" + id + "/metadata")
                        .header("Authorization", uploader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.metadata.fields.container_numbers").value("CSQU3054383,MSKU1234565"))
                .andExpect(jsonPath("$.metadata.fields.hs_codes").value("180100"))
                .andExpect(jsonPath("$.metadata.fields.gross_weight_kg").value("24500.0"))
                .andExpect(jsonPath("$.metadata.issuer").value("Maersk"));
        mvc.perform(patch("/api/documents/" + id + "/metadata")
                        .header("Authorization", uploader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\":{\"traces_number\":\"X\",\"container_numbers\":\"CSQU3054384\"},"
                                + "\"issueDate\":\"2026-11-02\",\"expiryDate\":\"2026-11-01\","
                                + "\"referenceNumber\":\"" + "R".repeat(101) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                .andExpect(jsonPath("$.errors", hasSize(4)));
        f.force(id, "approved");
        mvc.perform(patch("/api/documents/" + id + "/metadata")
                        .header("Authorization", uploader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"referenceNumber\":\"X-1\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "document-not-editable"));
    }

    @Test
    void downloadsWithDetectedTypeSafeNameAndNosniff() throws Exception {
        String bearer = f.bearer(f.logistics);
        byte[] pdf = DocumentFixtures.pdf("hello");
        String body = f.upload(bearer, f.shipment, "other", "Réçu \"final\"\r\n.txt", pdf)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(get("/api/documents/" + id + "/content").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(
                        header().string(
                                        "Content-Disposition",
                                        "attachment; filename=\"R__u final.txt.pdf\"; filename*=UTF-8''R%C3%A9%C3%A7u%20final.txt.pdf"))
                .andExpect(content().bytes(pdf));
        mvc.perform(get("/api/documents/" + id + "/content?inline=true").header("Authorization", bearer))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline; ")));
    }

    @Test
    void listsDocumentTypesWithTheirFields() throws Exception {
        mvc.perform(get("/api/document-types").header("Authorization", f.bearer(f.viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(16)))
                .andExpect(jsonPath("$[0].code").value("bill_of_lading"))
                .andExpect(jsonPath("$[0].typicalIssuer").value("carrier"))
                .andExpect(jsonPath("$[0].fields[0].key").value("container_numbers"))
                .andExpect(jsonPath("$[?(@.code=='eu_traces_certificate')].hasExpiry")
                        .value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.code=='eu_traces_certificate')].fields[0].key")
                        .value(hasItem("traces_number")));
    }

    @Test
    void theTransitionHistoryIsAppendOnlyForTheApplication() throws Exception {
        UUID id = f.uploaded("packing_list", "PACKING LIST");
        var app = org.springframework.jdbc.core.simple.JdbcClient.create(appDataSource);
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(
                        Exception.class,
                        () -> tx.write(
                                TenantScope.of(f.exporter.id(), f.admin.id()),
                                () -> app.sql("UPDATE document_transition SET reason = 'x' WHERE document_id = :id")
                                        .param("id", id)
                                        .update())))
                .hasStackTraceContaining("permission denied");
    }

    @Autowired
    javax.sql.DataSource appDataSource;

    @Autowired
    com.vibotaj.tracehub.platform.ScopedTransactions tx;

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static ByteArrayInputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
