package com.vibotaj.tracehub.notifications.internal;

import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's notifications and preferences, in the request's scope: row-level security shows a
 * user only their own rows, and the queries name the user and organisation as well.
 */
@Service
public class Inbox {

    private final NotificationStore store;

    Inbox(NotificationStore store) {
        this.store = store;
    }

    public record NotificationView(
            UUID id,
            NotificationKind kind,
            String title,
            String body,

            @Schema(description = "Path in the web client to open") @Nullable
            String link,

            @Nullable UUID shipmentId,
            Instant createdAt,
            @Nullable Instant readAt) {}

    public record NotificationPage(
            List<NotificationView> items, int page, int size, long totalItems, int totalPages, long unreadCount) {}

    public record UnreadCount(long count) {}

    public record MarkedRead(int marked) {}

    public record KindPreference(NotificationKind kind, boolean inApp, boolean email) {}

    public record NotificationPreferences(
            @Schema(description = "Daily digest e-mail instead of immediate ones")
            boolean digest,

            List<KindPreference> preferences) {}

    @Transactional(readOnly = true)
    public NotificationPage list(CurrentActor actor, boolean unreadOnly, int page, int size) {
        long total = store.count(actor.organizationId(), actor.userId(), unreadOnly);
        long unread = unreadOnly ? total : store.count(actor.organizationId(), actor.userId(), true);
        List<NotificationView> items =
                store.page(actor.organizationId(), actor.userId(), unreadOnly, size, (long) page * size).stream()
                        .map(Inbox::view)
                        .toList();
        return new NotificationPage(items, page, size, total, (int) ((total + size - 1) / size), unread);
    }

    @Transactional(readOnly = true)
    public UnreadCount unread(CurrentActor actor) {
        return new UnreadCount(store.count(actor.organizationId(), actor.userId(), true));
    }

    @Transactional
    public NotificationView markRead(CurrentActor actor, UUID id) {
        if (!store.markRead(actor.organizationId(), actor.userId(), id)) {
            throw NotFoundException.of("Notification", id);
        }
        return store.find(actor.organizationId(), actor.userId(), id)
                .map(Inbox::view)
                .orElseThrow(() -> NotFoundException.of("Notification", id));
    }

    @Transactional
    public MarkedRead markAllRead(CurrentActor actor) {
        return new MarkedRead(store.markAllRead(actor.organizationId(), actor.userId()));
    }

    @Transactional(readOnly = true)
    public NotificationPreferences preferences(CurrentActor actor) {
        Map<NotificationKind, NotificationStore.Choice> stored = store.choices(actor.userId());
        List<KindPreference> kinds = Arrays.stream(NotificationKind.values())
                .filter(NotificationKind::configurable)
                .map(k -> {
                    NotificationStore.Choice c = Preferences.choice(k, stored);
                    return new KindPreference(k, c.inApp(), c.email());
                })
                .toList();
        return new NotificationPreferences(store.digest(actor.userId()), kinds);
    }

    /** Saves the kinds given (others keep their choice or default) and the digest flag. */
    @Transactional
    public NotificationPreferences update(CurrentActor actor, NotificationPreferences wanted) {
        for (KindPreference p : wanted.preferences()) {
            if (p.kind().configurable()) {
                store.saveChoice(actor.userId(), p.kind(), new NotificationStore.Choice(p.inApp(), p.email()));
            }
        }
        store.saveDigest(actor.userId(), wanted.digest());
        return preferences(actor);
    }

    private static NotificationView view(NotificationStore.StoredNotification n) {
        return new NotificationView(
                n.id(), n.kind(), n.title(), n.body(), n.link(), n.shipmentId(), n.createdAt(), n.readAt());
    }
}
