package com.vibotaj.tracehub.platform.internal.events;

import java.util.UUID;

/** A test-only event: its listener fails as often as a test asks, then records the delivery. */
public record OutboxProbe(UUID id) {}
