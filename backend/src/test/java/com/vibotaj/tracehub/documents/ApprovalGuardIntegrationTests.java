package com.vibotaj.tracehub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ApprovalGuard SPI: a registered guard (here a test implementation, as compliance will register
 * one) is asked before approval and its findings refuse it with 409; DocumentChanged is published for
 * every change.
 */
@IntegrationTest
class ApprovalGuardIntegrationTests {

    static final String BLOCKED = "BLOCKED-BY-GUARD";

    @TestConfiguration
    static class GuardConfiguration {
        @Bean
        ApprovalGuard testGuard() {
            return candidate -> BLOCKED.equals(candidate.metadata().referenceNumber())
                    ? List.of("Reference number is on the test block list", "Second finding")
                    : List.of();
        }

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    static class Recorder {
        final List<DocumentChanged> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DocumentChanged e) {
            events.add(e);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    Recorder recorder;

    @Test
    void aBlockingFindingRefusesApprovalWith409AndItsMessages() throws Exception {
        DocumentFixtures f = new DocumentFixtures(mvc, data);
        UUID blocked = UUID.fromString(com.jayway.jsonpath.JsonPath.read(
                f.upload(
                                f.bearer(f.logistics),
                                f.shipment,
                                "export_declaration",
                                "e.pdf",
                                DocumentFixtures.pdf("x"),
                                "referenceNumber",
                                BLOCKED,
                                // Complete otherwise, so only the test guard objects (compliance's own guard is live
                                // too).
                                "issueDate",
                                java.time.LocalDate.now().toString())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id"));
        f.force(blocked, "under_review");
        f.move(f.bearer(f.compliance), blocked, "approved", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://tracehub.vibotaj.com/problems/document-blocking-findings"))
                .andExpect(jsonPath(
                        "$.findings", contains("Reference number is on the test block list", "Second finding")));
        assertThat(f.status(blocked)).isEqualTo("under_review");
        // Rejecting is never blocked, and an unblocked document is approved.
        UUID fine = f.uploaded("export_declaration", "EXPORT DECLARATION");
        f.move(f.bearer(f.logistics), fine, "under_review", null).andExpect(status().isOk());
        f.move(f.bearer(f.compliance), fine, "approved", null).andExpect(status().isOk());
        f.move(f.bearer(f.compliance), blocked, "rejected", "Blocked").andExpect(status().isOk());

        List<DocumentChanged> forFine = recorder.events.stream()
                .filter(e -> e.documentId().equals(fine))
                .toList();
        assertThat(forFine)
                .extracting(DocumentChanged::from, DocumentChanged::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, DocumentStatus.UPLOADED),
                        // The fixture describes the document: a metadata edit is published as from == to.
                        org.assertj.core.groups.Tuple.tuple(DocumentStatus.UPLOADED, DocumentStatus.UPLOADED),
                        org.assertj.core.groups.Tuple.tuple(DocumentStatus.UPLOADED, DocumentStatus.UNDER_REVIEW),
                        org.assertj.core.groups.Tuple.tuple(DocumentStatus.UNDER_REVIEW, DocumentStatus.APPROVED));
        assertThat(forFine.get(3).actorUserId()).isEqualTo(f.compliance.id());
        assertThat(forFine.get(0).organizationId()).isEqualTo(f.exporter.id());
        assertThat(forFine.get(0).uploadedBy()).isEqualTo(f.logistics.id());
    }
}
