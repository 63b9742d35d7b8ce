package com.vibotaj.tracehub.identity;

import java.util.UUID;

/**
 * Published by the demo loader once the demo organisations and users exist, so other modules can add
 * their demo data on top (shipments, tracking) without knowing the identity module's internals.
 *
 * @param exporterId the demo exporter (owner of the demo shipments)
 * @param actorUserId the demo exporter's logistics user, recorded as creator of demo data
 * @param buyerIds the two EU buyers (Hamburg, Rotterdam)
 * @param supplierId the supplier cooperative
 * @param forwarderId the freight forwarder
 */
public record DemoIdentityReady(
        UUID exporterId, UUID actorUserId, java.util.List<UUID> buyerIds, UUID supplierId, UUID forwarderId) {}
