package com.vibotaj.tracehub.notifications.web;

import com.vibotaj.tracehub.notifications.internal.Inbox;
import com.vibotaj.tracehub.notifications.internal.Inbox.MarkedRead;
import com.vibotaj.tracehub.notifications.internal.Inbox.NotificationPage;
import com.vibotaj.tracehub.notifications.internal.Inbox.NotificationPreferences;
import com.vibotaj.tracehub.notifications.internal.Inbox.NotificationView;
import com.vibotaj.tracehub.notifications.internal.Inbox.UnreadCount;
import com.vibotaj.tracehub.platform.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own notifications and notification preferences; any role. */
@Tag(name = "Notifications")
@RestController
class NotificationController {

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Operation(
            operationId = "listNotifications",
            summary = "List the caller's notifications",
            description = "Newest first; unread=true lists unread ones only.")
    @GetMapping("/api/notifications")
    NotificationPage list(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return inbox.list(CurrentActor.require(), unread, page, size);
    }

    @Operation(operationId = "countUnreadNotifications", summary = "How many of the caller's notifications are unread")
    @GetMapping("/api/notifications/unread-count")
    UnreadCount unreadCount() {
        return inbox.unread(CurrentActor.require());
    }

    @Operation(
            operationId = "markNotificationRead",
            summary = "Mark one of the caller's notifications read",
            description = "Idempotent; 404 for a notification that is not the caller's.")
    @PostMapping("/api/notifications/{id}/read")
    NotificationView markRead(@PathVariable UUID id) {
        return inbox.markRead(CurrentActor.require(), id);
    }

    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all of the caller's notifications read")
    @PostMapping("/api/notifications/read-all")
    MarkedRead markAllRead() {
        return inbox.markAllRead(CurrentActor.require());
    }

    @Operation(
            operationId = "getNotificationPreferences",
            summary = "The caller's notification preferences",
            description = "Every configurable event kind with its in-app and e-mail choice (defaults where never"
                    + " chosen), and the daily digest flag.")
    @GetMapping("/api/me/notification-preferences")
    NotificationPreferences preferences() {
        return inbox.preferences(CurrentActor.require());
    }

    @Operation(
            operationId = "updateNotificationPreferences",
            summary = "Change the caller's notification preferences",
            description = "Kinds not listed keep their current choice.")
    @PutMapping("/api/me/notification-preferences")
    NotificationPreferences update(@Valid @RequestBody NotificationPreferences body) {
        return inbox.update(CurrentActor.require(), body);
    }
}
