package com.vibotaj.tracehub.notifications.internal;

import java.util.Map;

/** What a user gets for a kind: their stored choice, or the defaults (in-app on, e-mail per kind). */
final class Preferences {

    private Preferences() {}

    record Effective(boolean inApp, boolean email, boolean digest) {}

    static NotificationStore.Choice choice(
            NotificationKind kind, Map<NotificationKind, NotificationStore.Choice> stored) {
        NotificationStore.Choice found = stored.get(kind);
        return found != null ? found : new NotificationStore.Choice(true, kind.emailByDefault());
    }

    static Effective effective(
            NotificationKind kind, Map<NotificationKind, NotificationStore.Choice> stored, boolean digest) {
        NotificationStore.Choice c = choice(kind, stored);
        return new Effective(c.inApp(), c.email(), digest);
    }
}
