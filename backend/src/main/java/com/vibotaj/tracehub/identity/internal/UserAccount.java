package com.vibotaj.tracehub.identity.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person who can sign in; global across organisations. */
record UserAccount(
        UUID id,
        String email,
        String fullName,
        String passwordHash,
        Instant createdAt,
        @Nullable Instant lastLoginAt) {}
