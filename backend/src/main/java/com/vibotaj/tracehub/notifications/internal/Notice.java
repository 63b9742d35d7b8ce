package com.vibotaj.tracehub.notifications.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What to tell people about one event, before it is addressed: a one-line title, a sentence, the facts
 * an e-mail lists (label and value, all user data, escaped when rendered as HTML) and the page to open.
 */
public record Notice(
        NotificationKind kind,
        @Nullable UUID shipmentId,
        String title,
        String body,
        List<Fact> facts,
        String linkPath) {

    public record Fact(String label, String value) {}
}
