package com.vibotaj.tracehub.notifications.internal;

import com.vibotaj.tracehub.identity.Recipients.Recipient;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Delivers a notice to its recipients: for each, by their preferences, an in-app notification and an
 * e-mail (queued now, or held for the daily digest). Each recipient organisation is written in its own
 * scope and transaction, so a notice can only ever reach members of the organisation it is written for.
 */
@Component
class Dispatcher {

    private final ScopedTransactions tx;
    private final NotificationStore store;
    private final MailOutbox outbox;
    private final MailTemplates templates;

    Dispatcher(ScopedTransactions tx, NotificationStore store, MailOutbox outbox, MailTemplates templates) {
        this.tx = tx;
        this.store = store;
        this.outbox = outbox;
        this.templates = templates;
    }

    /** @return how many people were told (by any channel) */
    int dispatch(Notice notice, List<Recipient> recipients) {
        Map<UUID, Map<UUID, Recipient>> byOrganization = new LinkedHashMap<>();
        for (Recipient r : recipients) {
            // One notice per person even if several rules select them.
            byOrganization
                    .computeIfAbsent(r.organizationId(), o -> new LinkedHashMap<>())
                    .putIfAbsent(r.userId(), r);
        }
        int told = 0;
        for (Map.Entry<UUID, Map<UUID, Recipient>> group : byOrganization.entrySet()) {
            UUID org = group.getKey();
            told += tx.write(TenantScope.organization(org), () -> {
                int n = 0;
                for (Recipient r : group.getValue().values()) {
                    Preferences.Effective choice =
                            Preferences.effective(notice.kind(), store.choices(r.userId()), store.digest(r.userId()));
                    if (choice.inApp()) {
                        store.insert(org, r.userId(), notice);
                    }
                    if (choice.email()) {
                        outbox.queue(
                                org,
                                r.userId(),
                                notice.kind(),
                                r.email(),
                                templates.render(notice, r.fullName()),
                                notice.shipmentId(),
                                choice.digest());
                    }
                    n += choice.inApp() || choice.email() ? 1 : 0;
                }
                return n;
            });
        }
        return told;
    }
}
