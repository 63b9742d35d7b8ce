package com.vibotaj.tracehub.documents;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The door other modules use into documents. Everything runs in the caller's tenant scope. */
public interface ShipmentDocuments {

    /** Every version of every document of the shipment, in any status; empty when it is invisible. */
    List<ShipmentDocument> forShipment(UUID shipmentId);

    Optional<ShipmentDocument> find(UUID documentId);

    /** The stored bytes; the caller closes the stream. */
    InputStream open(UUID documentId);
}
