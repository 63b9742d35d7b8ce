package com.vibotaj.tracehub.tracking.internal.provider;

/** DCSA event type: what the event is about. Shipment (document) events are not tracked here. */
public enum EventFamily {
    /** A container movement (GTIN, LOAD, DISC, customs, ...). */
    EQUIPMENT,
    /** A vessel call (DEPA, ARRI). */
    TRANSPORT
}
