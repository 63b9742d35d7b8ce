package com.vibotaj.tracehub.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vibotaj.tracehub.compliance.ComplianceEvaluated;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation.Overall;
import com.vibotaj.tracehub.compliance.DocumentExpiring;
import com.vibotaj.tracehub.documents.DocumentChanged;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.shipments.ShipmentEtaChanged;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.ShipmentStatusChanged;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who is told of what, and what the e-mail says, against a real SMTP server (GreenMail). Listeners are
 * called directly where a test checks that nobody is told (an asynchronous "nothing happened" cannot
 * be awaited); one test goes through publishing, commit and the asynchronous listener.
 */
@IntegrationTest
class NotificationDeliveryIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    TestData data;

    @Autowired
    Notifier listeners;

    @Autowired
    OutboxSender sender;

    @Autowired
    JavaMailSenderImpl smtp;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    NotificationFixtures f;

    @BeforeEach
    void setUp() {
        smtp.setHost("127.0.0.1");
        smtp.setPort(greenMail.getSmtp().getPort());
        f = new NotificationFixtures(data);
    }

    DocumentChanged rejected(TestData.User uploader, String reason) {
        return new DocumentChanged(
                UUID.randomUUID(),
                f.shipment,
                f.exporter.id(),
                "phytosanitary_certificate",
                DocumentStatus.UNDER_REVIEW,
                DocumentStatus.REJECTED,
                f.compliance.id(),
                reason,
                uploader.id());
    }

    @Test
    void aRejectionReachesOnlyTheSupplierWhoUploadedItWithTheReasonEscapedInHtml() throws Exception {
        listeners.on(rejected(f.supplierUser, "Stamp illegible <script>alert(1)</script> & torn"));

        assertThat(f.notifications(f.supplierUser, "document.rejected")).isEqualTo(1);
        for (TestData.User other : List.of(
                f.admin,
                f.compliance,
                f.logistics,
                f.viewer,
                f.buyerUser,
                f.forwarderUser,
                f.otherBuyerUser,
                f.strangerAdmin)) {
            assertThat(f.notifications(other)).as(other.role()).isZero();
        }
        sender.sendDue();
        List<Mails.Received> mails = Mails.to(greenMail, f.supplierUser.email());
        assertThat(mails).hasSize(1);
        Mails.Received mail = mails.get(0);
        String reference = f.reference(f.shipment);
        assertThat(mail.subject()).isEqualTo("[TraceHub] Phytosanitary certificate rejected for " + reference);
        assertThat(mail.text())
                .contains("was rejected: Stamp illegible <script>alert(1)</script> & torn")
                .contains("Reason: Stamp illegible")
                .contains("http://localhost:8080/shipments/" + f.shipment + "?tab=documents");
        assertThat(mail.html())
                .contains("Stamp illegible &lt;script&gt;alert(1)&lt;/script&gt; &amp; torn")
                .doesNotContain("<script>");
        assertThat(f.mails(f.supplierUser, "sent")).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages())
                .allSatisfy(m -> assertThat(m.getAllRecipients())
                        .extracting(Object::toString)
                        .doesNotContain(f.admin.email(), f.buyerUser.email(), f.strangerAdmin.email()));
    }

    @Test
    void anApprovalReachesTheOwnersUploaderButNotTheReviewerThemself() {
        DocumentChanged approvedOwn = new DocumentChanged(
                UUID.randomUUID(),
                f.shipment,
                f.exporter.id(),
                "bill_of_lading",
                DocumentStatus.UNDER_REVIEW,
                DocumentStatus.APPROVED,
                f.compliance.id(),
                null,
                f.logistics.id());
        listeners.on(approvedOwn);
        assertThat(f.notifications(f.logistics, "document.approved")).isEqualTo(1);
        assertThat(f.mails(f.logistics, "pending")).isEqualTo(1);

        listeners.on(new DocumentChanged(
                UUID.randomUUID(),
                f.shipment,
                f.exporter.id(),
                "bill_of_lading",
                DocumentStatus.UNDER_REVIEW,
                DocumentStatus.APPROVED,
                f.admin.id(),
                null,
                f.admin.id()));
        assertThat(f.notifications(f.admin)).isZero();
    }

    @Test
    void anUploaderOutsideTheShipmentsPartiesHearsNothing() {
        listeners.on(rejected(f.strangerAdmin, "Not yours"));
        listeners.on(rejected(f.otherBuyerUser, "Not yours"));
        assertThat(f.notifications(f.strangerAdmin)).isZero();
        assertThat(f.notifications(f.otherBuyerUser)).isZero();
    }

    @Test
    void anUploadTellsTheOwnersReviewersNotTheUploaderNorOtherParties() {
        listeners.on(new DocumentChanged(
                UUID.randomUUID(),
                f.shipment,
                f.exporter.id(),
                "quality_certificate",
                null,
                DocumentStatus.UPLOADED,
                f.supplierUser.id(),
                null,
                f.supplierUser.id()));
        assertThat(f.notifications(f.compliance, "document.uploaded")).isEqualTo(1);
        assertThat(f.notifications(f.admin, "document.uploaded")).isEqualTo(1);
        for (TestData.User other : List.of(f.logistics, f.viewer, f.buyerUser, f.supplierUser, f.forwarderUser)) {
            assertThat(f.notifications(other)).as(other.role()).isZero();
        }
        // Upload mails are off by default: reviewers see them in the app.
        assertThat(f.mails(f.compliance, "pending")).isZero();
    }

    @Test
    void anEtaChangeReachesTheOwnerTheBuyerAndTheForwarderWithOldAndNewEta() throws Exception {
        OffsetDateTime before = OffsetDateTime.of(2026, 12, 3, 8, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime after = OffsetDateTime.of(2026, 12, 6, 14, 30, 0, 0, ZoneOffset.ofHours(1));
        listeners.on(new ShipmentEtaChanged(f.shipment, f.exporter.id(), f.reference(f.shipment), before, after));

        for (TestData.User told : List.of(f.admin, f.compliance, f.logistics, f.viewer, f.buyerUser, f.forwarderUser)) {
            assertThat(f.notifications(told, "shipment.eta-changed"))
                    .as(told.email())
                    .isEqualTo(1);
        }
        for (TestData.User notTold : List.of(f.supplierUser, f.otherBuyerUser, f.strangerAdmin)) {
            assertThat(f.notifications(notTold)).as(notTold.email()).isZero();
        }
        sender.sendDue();
        Mails.Received mail = Mails.to(greenMail, f.buyerUser.email()).get(0);
        assertThat(mail.subject()).isEqualTo("[TraceHub] ETA of " + f.reference(f.shipment) + " changed");
        assertThat(mail.text())
                .contains("Previous ETA: 3 Dec 2026 08:00 UTC")
                .contains("New ETA: 6 Dec 2026 13:30 UTC");
        assertThat(mail.html()).contains("3 Dec 2026 08:00 UTC").contains("6 Dec 2026 13:30 UTC");
        assertThat(Mails.to(greenMail, f.supplierUser.email())).isEmpty();
        assertThat(Mails.to(greenMail, f.otherBuyerUser.email())).isEmpty();
    }

    @Test
    void aBuyerHearsOfTheShipmentsItBuysOnly() {
        listeners.on(status(f.otherBuyersShipment, ShipmentStatus.DOCS_COMPLETE, ShipmentStatus.IN_TRANSIT, null));
        assertThat(f.notifications(f.otherBuyerUser, "shipment.departed")).isEqualTo(1);
        assertThat(f.notifications(f.buyerUser)).isZero();

        listeners.on(status(f.shipment, ShipmentStatus.ARRIVED, ShipmentStatus.CUSTOMS, "Inspection ordered"));
        assertThat(f.notifications(f.buyerUser, "shipment.customs-hold")).isEqualTo(1);
        assertThat(f.notifications(f.otherBuyerUser)).isEqualTo(1);
        assertThat(f.notifications(f.strangerAdmin)).isZero();
    }

    @Test
    void onlyTheFourMovementsAreNotified() {
        listeners.on(status(f.shipment, ShipmentStatus.DRAFT, ShipmentStatus.DOCS_PENDING, null));
        listeners.on(status(f.shipment, ShipmentStatus.DELIVERED, ShipmentStatus.ARCHIVED, null));
        assertThat(f.notifications(f.admin)).isZero();
        listeners.on(status(f.shipment, ShipmentStatus.IN_TRANSIT, ShipmentStatus.ARRIVED, null));
        listeners.on(status(f.shipment, ShipmentStatus.CUSTOMS, ShipmentStatus.DELIVERED, null));
        assertThat(f.notifications(f.admin, "shipment.arrived")).isEqualTo(1);
        assertThat(f.notifications(f.admin, "shipment.delivered")).isEqualTo(1);
    }

    @Test
    void complianceIsNotifiedOnlyWhenTheResultChanges() {
        listeners.on(new ComplianceEvaluated(f.shipment, f.exporter.id(), null, Overall.IN_PROGRESS, "2026.1"));
        listeners.on(new ComplianceEvaluated(
                f.shipment, f.exporter.id(), Overall.IN_PROGRESS, Overall.IN_PROGRESS, "2026.1"));
        assertThat(f.notifications(f.compliance)).isZero();
        assertThat(f.notifications(f.buyerUser)).isZero();

        listeners.on(new ComplianceEvaluated(
                f.shipment, f.exporter.id(), Overall.IN_PROGRESS, Overall.NON_COMPLIANT, "2026.1"));
        for (TestData.User told : List.of(f.admin, f.compliance, f.logistics, f.buyerUser)) {
            assertThat(f.notifications(told, "compliance.changed"))
                    .as(told.email())
                    .isEqualTo(1);
        }
        for (TestData.User notTold : List.of(f.viewer, f.supplierUser, f.forwarderUser, f.otherBuyerUser)) {
            assertThat(f.notifications(notTold)).as(notTold.email()).isZero();
        }
    }

    @Test
    void anExpiringCertificateWarnsTheOwnersReviewersWithTheDaysLeft() throws Exception {
        LocalDate expiry = LocalDate.of(2027, 1, 14);
        listeners.on(new DocumentExpiring(
                UUID.randomUUID(), f.shipment, f.exporter.id(), "certificate_of_origin", expiry, 14));
        assertThat(f.notifications(f.compliance, "certificate.expiring")).isEqualTo(1);
        assertThat(f.notifications(f.admin, "certificate.expiring")).isEqualTo(1);
        assertThat(f.notifications(f.buyerUser)).isZero();
        sender.sendDue();
        Mails.Received mail = Mails.to(greenMail, f.compliance.email()).get(0);
        assertThat(mail.subject())
                .isEqualTo("[TraceHub] Certificate of origin of " + f.reference(f.shipment)
                        + " expires in 14 days (14 Jan 2027)");
        assertThat(mail.text()).contains("Expiry date: 14 Jan 2027");
    }

    @Test
    void aPublishedEventIsDeliveredAsynchronouslyAfterCommit() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(rejected(f.supplierUser, "Wrong consignee"));
            // Not before commit: the listener runs only once this transaction is done.
            assertThat(f.notifications(f.supplierUser)).isZero();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> f.notifications(f.supplierUser, "document.rejected") == 1);
    }

    @Test
    void aFailedSendIsRetriedWithDoublingBackOffAndEveryAttemptIsLogged() throws Exception {
        listeners.on(rejected(f.supplierUser, "Retry me"));
        UUID mail = data.owner()
                .queryForObject("SELECT id FROM mail_outbox WHERE to_address = ?", UUID.class, f.supplierUser.email());

        smtp.setPort(1); // nothing listens there: the SMTP connection is refused
        attemptNow(mail);
        assertThat(row(mail, "status")).isEqualTo("pending");
        assertThat(row(mail, "attempts")).isEqualTo(1);
        assertThat(waitSeconds(mail)).isBetween(55L, 65L);
        attemptNow(mail);
        assertThat(row(mail, "attempts")).isEqualTo(2);
        assertThat(waitSeconds(mail)).isBetween(115L, 125L);
        assertThat((String) row(mail, "last_error")).contains("Mail");

        smtp.setPort(greenMail.getSmtp().getPort());
        attemptNow(mail);
        assertThat(row(mail, "status")).isEqualTo("sent");
        assertThat(Mails.to(greenMail, f.supplierUser.email())).hasSize(1);
        assertThat(data.owner()
                        .queryForList(
                                "SELECT outcome FROM mail_attempt WHERE outbox_id = ? ORDER BY attempt",
                                String.class,
                                mail))
                .containsExactly("failed", "failed", "sent");
    }

    @Test
    void aMailIsGivenUpAfterTheLastAttempt() {
        listeners.on(rejected(f.supplierUser, "Give up"));
        UUID mail = data.owner()
                .queryForObject("SELECT id FROM mail_outbox WHERE to_address = ?", UUID.class, f.supplierUser.email());
        data.owner().update("UPDATE mail_outbox SET attempts = 7 WHERE id = ?", mail);
        smtp.setPort(1);
        attemptNow(mail);
        assertThat(row(mail, "status")).isEqualTo("failed");
        assertThat(row(mail, "attempts")).isEqualTo(8);
        smtp.setPort(greenMail.getSmtp().getPort());
        sender.sendDue();
        assertThat(Mails.to(greenMail, f.supplierUser.email())).isEmpty();
    }

    /** Makes the mail due now (as if its back-off had passed) and runs the sender. */
    private void attemptNow(UUID mail) {
        data.owner().update("UPDATE mail_outbox SET next_attempt_at = now() WHERE id = ?", mail);
        sender.sendDue();
    }

    private Object row(UUID mail, String column) {
        return data.owner().queryForObject("SELECT " + column + " FROM mail_outbox WHERE id = ?", Object.class, mail);
    }

    private long waitSeconds(UUID mail) {
        Instant next = data.owner()
                .queryForObject("SELECT next_attempt_at FROM mail_outbox WHERE id = ?", java.sql.Timestamp.class, mail)
                .toInstant();
        return Duration.between(Instant.now(), next).toSeconds();
    }

    private ShipmentStatusChanged status(UUID shipment, ShipmentStatus from, ShipmentStatus to, String reason) {
        return new ShipmentStatusChanged(
                shipment, f.exporter.id(), f.reference(shipment), from, to, "user", reason, Instant.now());
    }
}
