package com.vibotaj.tracehub.notifications.internal;

import com.vibotaj.tracehub.identity.Recipients;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The daily digest: for each user with e-mails held (they chose the digest), one mail listing them,
 * queued in the outbox like any other; the held ones are marked digested in the same transaction.
 */
@Service
public class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final ScopedTransactions tx;
    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final Recipients recipients;

    DigestJob(ScopedTransactions tx, MailOutbox outbox, MailTemplates templates, Recipients recipients) {
        this.tx = tx;
        this.outbox = outbox;
        this.templates = templates;
        this.recipients = recipients;
    }

    /** @return how many digests were queued */
    public int run() {
        List<MailOutbox.Claimed> due = tx.read(TenantScope.NONE, outbox::digestDue);
        int queued = 0;
        for (MailOutbox.Claimed d : due) {
            // Claimed.id is the user here; a user no longer a member gets no digest (their mail stays held).
            Optional<Recipients.Recipient> who = recipients.member(d.organizationId(), d.id());
            if (who.isEmpty()) {
                continue;
            }
            try {
                queued += tx.write(TenantScope.organization(d.organizationId()), () -> digest(who.get()));
            } catch (RuntimeException e) {
                log.error("Digest of user {} failed", d.id(), e);
            }
        }
        log.info("Daily digest: {} queued", queued);
        return queued;
    }

    private int digest(Recipients.Recipient user) {
        List<MailOutbox.QueuedMail> held = outbox.held(user.organizationId(), user.userId());
        if (held.isEmpty()) {
            return 0;
        }
        List<MailTemplates.DigestLine> lines = held.stream()
                .map(m -> new MailTemplates.DigestLine(
                        m.subject().replaceFirst("^\\[TraceHub\\] ", ""), firstParagraph(m.text()), link(m)))
                .toList();
        outbox.queue(
                user.organizationId(),
                user.userId(),
                held.get(0).kind(),
                user.email(),
                templates.digest(user.fullName(), lines),
                null,
                false);
        outbox.markDigested(held.stream().map(MailOutbox.QueuedMail::id).toList());
        return 1;
    }

    /** The mail's sentence after the greeting. */
    private static String firstParagraph(String text) {
        String[] parts = text.split("\n\n");
        return parts.length > 1 ? parts[1].strip() : text.strip();
    }

    private static String link(MailOutbox.QueuedMail m) {
        return m.referenceId() == null ? "/notifications" : Notifier.shipmentLink(m.referenceId());
    }
}
