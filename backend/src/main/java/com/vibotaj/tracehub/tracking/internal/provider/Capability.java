package com.vibotaj.tracehub.tracking.internal.provider;

/** What a provider can do; the scheduler and the webhook inbox decide by these, not by provider id. */
public enum Capability {
    /** Current state can be pulled on demand. */
    PULL,
    /** Pushes updates to our webhook. */
    PUSH_WEBHOOK,
    /** Needs a subscription before it tracks a container. */
    SUBSCRIBE,
    /** Cannot track without the carrier (SCAC) being given. */
    REQUIRES_CARRIER,
    /** Returns the history of events, not only the latest state. */
    EVENT_HISTORY,
    /** Returns a status snapshot; events are derived from it. */
    SNAPSHOT_ONLY
}
