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

    /**
     * The current versions (the newest approved version of each type, as the documents API marks them
     * {@code current}), in type order; empty when the shipment is invisible.
     */
    List<ShipmentDocument> current(UUID shipmentId);

    /**
     * A handle on the stored bytes of a visible document version, resolved in the caller's scope. Using the
     * handle needs neither a transaction nor a tenant scope, so a response can stream it after its reads.
     */
    Optional<DocumentContent> content(UUID documentId);
}
