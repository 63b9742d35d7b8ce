package com.vibotaj.tracehub.eudr;

import java.util.UUID;

/** The buyer recorded (or amended) a DDS reference and verification number for a shipment. */
public record DdsReferenceRecorded(UUID shipmentId, UUID organizationId) {}
