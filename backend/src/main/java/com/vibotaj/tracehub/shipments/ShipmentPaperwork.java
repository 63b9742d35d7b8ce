package com.vibotaj.tracehub.shipments;

import com.vibotaj.tracehub.shipments.internal.ShipmentCommands;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door compliance uses to keep the paperwork statuses in step with its evaluation. Only
 * docs_pending ↔ docs_complete move, through the aggregate's status machine and recorded with source
 * {@code system}; every other status is left alone. Runs in the caller's tenant scope (the owner's).
 */
@Service
public class ShipmentPaperwork {

    private final ShipmentCommands commands;

    ShipmentPaperwork(ShipmentCommands commands) {
        this.commands = commands;
    }

    /** @return true when the status moved */
    @Transactional
    public boolean keepInStep(UUID shipmentId, boolean compliant, String reason) {
        return commands.settlePaperwork(shipmentId, compliant, reason);
    }
}
