package com.vibotaj.tracehub.audit.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who made a request, as far as the audit log knows it; kept on the request while it runs. */
record RequestActor(
        @Nullable UUID userId,
        @Nullable UUID organizationId,
        @Nullable String email) {

    static final String ATTRIBUTE = RequestActor.class.getName();

    static final RequestActor ANONYMOUS = new RequestActor(null, null, null);

    boolean isUser() {
        return userId != null;
    }
}
