package com.vibotaj.tracehub.notifications.internal;

import com.vibotaj.tracehub.identity.InvitationMail;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends due mails from the outbox. Each attempt is logged (in {@code mail_attempt} and the application
 * log); a failure is retried after a back-off that doubles each time (see
 * {@link NotificationProperties#backoffAfter}) until {@code max-attempts}, then the mail is failed.
 * Claiming leases the mail, so two instances never send the same one.
 */
@Service
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final ScopedTransactions tx;
    private final MailOutbox outbox;
    private final MailTransport transport;
    private final MailTemplates templates;
    private final InvitationMail invitations;
    private final NotificationProperties properties;
    private final MeterRegistry meters;

    OutboxSender(
            ScopedTransactions tx,
            MailOutbox outbox,
            MailTransport transport,
            MailTemplates templates,
            InvitationMail invitations,
            NotificationProperties properties,
            MeterRegistry meters) {
        this.tx = tx;
        this.outbox = outbox;
        this.transport = transport;
        this.templates = templates;
        this.invitations = invitations;
        this.properties = properties;
        this.meters = meters;
        // Registered at zero: an alert on the rate of failed attempts then fires from the first one.
        meters.counter("tracehub_notifications_mail_attempts_total", "outcome", "failed");
    }

    /** @return how many mails were attempted */
    public int sendDue() {
        int attempted = 0;
        List<MailOutbox.Claimed> claimed;
        do {
            claimed = tx.write(
                    TenantScope.NONE,
                    () -> outbox.claim(
                            properties.sender().batchSize(),
                            properties.sender().lease().toSeconds()));
            for (MailOutbox.Claimed c : claimed) {
                try {
                    attempt(c);
                } catch (RuntimeException e) {
                    // Bookkeeping failed (the database, not SMTP): the lease expires and it is claimed again.
                    log.error("Mail {} could not be processed", c.id(), e);
                }
                attempted++;
            }
        } while (claimed.size() == properties.sender().batchSize());
        return attempted;
    }

    private void attempt(MailOutbox.Claimed claimed) {
        TenantScope scope = TenantScope.organization(claimed.organizationId());
        Optional<MailOutbox.QueuedMail> found = tx.read(scope, () -> outbox.find(claimed.id()));
        if (found.isEmpty() || !"pending".equals(found.get().status())) {
            return;
        }
        MailOutbox.QueuedMail mail = found.get();
        int attempt = mail.attempts() + 1;
        MailTemplates.Mail content;
        if (mail.kind() == NotificationKind.INVITATION_CREATED) {
            // The link is issued now and lives only in the message handed to SMTP.
            Optional<InvitationMail.Invitation> invitation = mail.referenceId() == null
                    ? Optional.empty()
                    : invitations.issueLink(mail.organizationId(), mail.referenceId());
            if (invitation.isEmpty()) {
                tx.write(scope, () -> {
                    outbox.markFinal(mail.id(), "cancelled", mail.attempts(), "invitation no longer pending");
                    return null;
                });
                log.info("Mail {} cancelled: its invitation can no longer be accepted", mail.id());
                return;
            }
            content = templates.invitation(invitation.get());
        } else {
            content = new MailTemplates.Mail(mail.subject(), mail.text(), mail.html());
        }
        String outcome;
        String error = null;
        try {
            outcome = transport.send(mail.to(), content);
        } catch (RuntimeException e) {
            outcome = "failed";
            error = describe(e);
        }
        String result = outcome;
        String problem = error;
        tx.write(scope, () -> {
            outbox.logAttempt(mail.id(), mail.organizationId(), attempt, result, problem);
            if (problem == null) {
                outbox.markSent(mail.id(), attempt);
            } else if (attempt >= properties.sender().maxAttempts()) {
                outbox.markFinal(mail.id(), "failed", attempt, problem);
            } else {
                outbox.markRetry(
                        mail.id(), attempt, properties.backoffAfter(attempt).toSeconds(), problem);
            }
            return null;
        });
        meters.counter("tracehub_notifications_mail_attempts_total", "outcome", result)
                .increment();
        if (problem == null) {
            log.info("Mail {} ({}) attempt {}: {}", mail.id(), mail.kind().key(), attempt, result);
        } else if (attempt >= properties.sender().maxAttempts()) {
            log.error(
                    "Mail {} ({}) attempt {} failed, giving up: {}",
                    mail.id(),
                    mail.kind().key(),
                    attempt,
                    problem);
        } else {
            log.warn(
                    "Mail {} ({}) attempt {} failed, retrying in {}: {}",
                    mail.id(),
                    mail.kind().key(),
                    attempt,
                    properties.backoffAfter(attempt),
                    problem);
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
