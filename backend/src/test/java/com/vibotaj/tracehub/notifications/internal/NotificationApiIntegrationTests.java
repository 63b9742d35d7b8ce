package com.vibotaj.tracehub.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ShipmentEtaChanged;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.ShipmentStatusChanged;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;

/** The inbox API, preferences, the digest and the invitation e-mail. */
@IntegrationTest
class NotificationApiIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    Notifier notifier;

    @Autowired
    OutboxSender sender;

    @Autowired
    DigestJob digest;

    @Autowired
    JavaMailSenderImpl smtp;

    @Autowired
    ScopedTransactions tx;

    @Autowired
    JdbcClient jdbc;

    NotificationFixtures f;

    @BeforeEach
    void setUp() {
        smtp.setHost("127.0.0.1");
        smtp.setPort(greenMail.getSmtp().getPort());
        f = new NotificationFixtures(data);
    }

    void departed() {
        notifier.on(new ShipmentStatusChanged(
                f.shipment,
                f.exporter.id(),
                f.reference(f.shipment),
                ShipmentStatus.DOCS_COMPLETE,
                ShipmentStatus.IN_TRANSIT,
                "tracking",
                null,
                Instant.now()));
    }

    void etaChanged(int day) {
        notifier.on(new ShipmentEtaChanged(
                f.shipment,
                f.exporter.id(),
                f.reference(f.shipment),
                OffsetDateTime.of(2026, 12, day, 8, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 12, day + 2, 8, 0, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void aUserListsCountsAndMarksOnlyTheirOwnNotifications() throws Exception {
        departed();
        etaChanged(3);
        String buyer = Api.login(mvc, f.buyerUser).bearer();
        String admin = Api.login(mvc, f.admin).bearer();

        mvc.perform(get("/api/notifications/unread-count").header("Authorization", buyer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2));
        String list = mvc.perform(get("/api/notifications").header("Authorization", buyer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.unreadCount").value(2))
                .andExpect(jsonPath("$.items[0].kind").value("shipment.eta-changed"))
                .andExpect(jsonPath("$.items[1].kind").value("shipment.departed"))
                .andExpect(jsonPath("$.items[1].link").value("/shipments/" + f.shipment))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String first = JsonPath.read(list, "$.items[1].id");

        // Another user's notification is invisible: 404, and it stays unread.
        mvc.perform(post("/api/notifications/" + first + "/read").header("Authorization", admin))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/" + first + "/read").header("Authorization", buyer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").isNotEmpty());
        mvc.perform(get("/api/notifications?unread=true").header("Authorization", buyer))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].kind").value("shipment.eta-changed"));
        mvc.perform(get("/api/notifications?page=1&size=1").header("Authorization", buyer))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.items[0].id").value(first));

        mvc.perform(get("/api/notifications/unread-count").header("Authorization", admin))
                .andExpect(jsonPath("$.count").value(2));
        mvc.perform(post("/api/notifications/read-all").header("Authorization", buyer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(1));
        mvc.perform(get("/api/notifications/unread-count").header("Authorization", buyer))
                .andExpect(jsonPath("$.count").value(0));
        // The admin's are untouched by the buyer's read-all.
        mvc.perform(get("/api/notifications/unread-count").header("Authorization", admin))
                .andExpect(jsonPath("$.count").value(2));
        mvc.perform(post("/api/notifications/" + UUID.randomUUID() + "/read").header("Authorization", buyer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/notifications?size=500").header("Authorization", buyer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
    }

    @Test
    void rowLevelSecurityShowsAUserOnlyTheirOwnNotificationsEvenWithoutAFilter() {
        departed();
        long seenByBuyer = tx.read(
                TenantScope.of(f.buyer.id(), f.buyerUser.id()),
                () -> jdbc.sql("SELECT count(*) FROM notification")
                        .query(Long.class)
                        .single());
        long seenByOrganizationOnly = tx.read(
                TenantScope.organization(f.exporter.id()),
                () -> jdbc.sql("SELECT count(*) FROM notification")
                        .query(Long.class)
                        .single());
        assertThat(seenByBuyer).isEqualTo(1);
        assertThat(seenByOrganizationOnly).isZero();
        // Writing a notification for someone outside the scoped organisation is refused by the database.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.write(
                        TenantScope.organization(f.exporter.id()),
                        () -> jdbc.sql("INSERT INTO notification (id, organization_id, user_id, kind, title, body)"
                                        + " VALUES (:id, :org, :user, 'shipment.departed', 'x', 'y')")
                                .param("id", UUID.randomUUID())
                                .param("org", f.exporter.id())
                                .param("user", f.strangerAdmin.id())
                                .update()))
                .rootCause()
                .hasMessageContaining("row-level security");
    }

    @Test
    void preferencesHaveDefaultsAndAreRespectedPerChannel() throws Exception {
        String buyer = Api.login(mvc, f.buyerUser).bearer();
        mvc.perform(get("/api/me/notification-preferences").header("Authorization", buyer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digest").value(false))
                .andExpect(jsonPath("$.preferences[?(@.kind=='invitation.created')]", hasSize(0)))
                .andExpect(jsonPath("$.preferences[?(@.kind=='document.uploaded')].email")
                        .value(org.hamcrest.Matchers.contains(false)))
                .andExpect(jsonPath("$.preferences[?(@.kind=='shipment.eta-changed')].email")
                        .value(org.hamcrest.Matchers.contains(true)));
        mvc.perform(put("/api/me/notification-preferences")
                        .header("Authorization", buyer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"digest\":false,\"preferences\":["
                                + "{\"kind\":\"shipment.eta-changed\",\"inApp\":true,\"email\":false},"
                                + "{\"kind\":\"shipment.departed\",\"inApp\":false,\"email\":true}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preferences[?(@.kind=='shipment.eta-changed')].email")
                        .value(org.hamcrest.Matchers.contains(false)));
        mvc.perform(put("/api/me/notification-preferences")
                        .header("Authorization", buyer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"digest\":false,\"preferences\":[{\"kind\":\"no.such\",\"inApp\":true,"
                                + "\"email\":true}]}"))
                .andExpect(status().isBadRequest());

        etaChanged(3);
        departed();
        assertThat(f.notifications(f.buyerUser, "shipment.eta-changed")).isEqualTo(1);
        assertThat(f.notifications(f.buyerUser, "shipment.departed")).isZero();
        assertThat(data.owner()
                        .queryForList(
                                "SELECT kind FROM mail_outbox WHERE to_address = ?", String.class, f.buyerUser.email()))
                .containsExactly("shipment.departed");
        // Someone else's defaults are untouched by the buyer's choice.
        assertThat(f.mails(f.admin, "pending")).isEqualTo(2);
    }

    @Test
    void theDigestHoldsMailsAndSendsThemAsOneDailyMail() throws Exception {
        String buyer = Api.login(mvc, f.buyerUser).bearer();
        mvc.perform(put("/api/me/notification-preferences")
                        .header("Authorization", buyer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"digest\":true,\"preferences\":[]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digest").value(true));
        departed();
        etaChanged(5);
        assertThat(f.mails(f.buyerUser, "held")).isEqualTo(2);
        sender.sendDue();
        assertThat(Mails.to(greenMail, f.buyerUser.email())).isEmpty();
        // In-app notifications are immediate regardless.
        assertThat(f.notifications(f.buyerUser)).isEqualTo(2);

        digest.run();
        assertThat(f.mails(f.buyerUser, "digested")).isEqualTo(2);
        sender.sendDue();
        List<Mails.Received> mails = Mails.to(greenMail, f.buyerUser.email());
        assertThat(mails).hasSize(1);
        String reference = f.reference(f.shipment);
        assertThat(mails.get(0).subject()).isEqualTo("[TraceHub] Daily digest: 2 updates");
        assertThat(mails.get(0).text())
                .contains("Shipment " + reference + " has departed")
                .contains("ETA of " + reference + " changed")
                .contains("moved from 5 Dec 2026 08:00 UTC to 7 Dec 2026 08:00 UTC");
        assertThat(mails.get(0).html()).contains("ETA of " + reference + " changed");
        digest.run();
        sender.sendDue();
        assertThat(Mails.to(greenMail, f.buyerUser.email())).hasSize(1);
        // The admin did not choose the digest: their mails went out one by one.
        assertThat(Mails.to(greenMail, f.admin.email())).hasSize(2);
    }

    @Test
    void theInvitationMailCarriesAWorkingLinkThatIsStoredNowhere() throws Exception {
        String admin = Api.login(mvc, f.admin).bearer();
        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String issued = mvc.perform(post("/api/invitations")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + invitee + "\",\"role\":\"compliance\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String adminLink = JsonPath.read(issued, "$.acceptUrl");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> data.owner()
                                .queryForObject(
                                        "SELECT count(*) FROM mail_outbox WHERE to_address = ?", Long.class, invitee)
                        == 1);
        sender.sendDue();

        List<Mails.Received> mails = Mails.to(greenMail, invitee);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("[TraceHub] Invitation to join " + f.exporter.name());
        Matcher link = Pattern.compile("/accept-invitation#token=([A-Za-z0-9_-]{43})")
                .matcher(mails.get(0).text());
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(adminLink).doesNotContain(token);
        assertThat(mails.get(0).html()).contains("#token=" + token);
        String stored = data.owner()
                .queryForObject(
                        "SELECT subject || text_body || html_body FROM mail_outbox WHERE to_address = ?",
                        String.class,
                        invitee);
        assertThat(stored).doesNotContain(token);
        for (String t : List.of(token, adminLink.substring(adminLink.indexOf("#token=") + 7))) {
            mvc.perform(post("/api/public/invitations/preview")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"token\":\"" + t + "\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.email").value(invitee));
        }

        // Accepting through the e-mailed link tells the organisation's admins.
        mvc.perform(post("/api/public/invitations/accept")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"fullName\":\"Ada Invitee\",\"password\":\""
                                + TestData.PASSWORD + "\"}"))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).until(() -> f.notifications(f.admin, "invitation.accepted") == 1);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT title FROM notification WHERE user_id = ? AND kind = 'invitation.accepted'",
                                String.class,
                                f.admin.id()))
                .isEqualTo("Ada Invitee joined as compliance");
        assertThat(f.notifications(f.compliance)).isZero();
    }
}
