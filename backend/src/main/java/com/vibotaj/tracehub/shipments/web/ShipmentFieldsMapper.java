package com.vibotaj.tracehub.shipments.web;

import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentFields.ContainerLine;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.Detail;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.Party;
import java.util.List;

/** Rebuilds editable fields from a loaded shipment, for the endpoints that change one part of it. */
final class ShipmentFieldsMapper {

    private ShipmentFieldsMapper() {}

    static List<ContainerLine> containers(Detail d) {
        return d.containers().stream()
                .map(c -> new ContainerLine(c.number(), c.isoType(), c.sealNumber(), c.grossWeightKg()))
                .toList();
    }

    static ShipmentFields withContainers(Detail d, List<ContainerLine> containers) {
        return new ShipmentFields(
                d.reference(),
                d.productType(),
                d.buyer() == null ? null : d.buyer().id(),
                d.suppliers().stream().map(Party::id).toList(),
                d.forwarders().stream().map(Party::id).toList(),
                d.exporterName(),
                d.exporterAddress(),
                d.importerName(),
                d.importerAddress(),
                d.billOfLading(),
                d.bookingReference(),
                d.carrierScac(),
                d.carrierName(),
                d.vesselName(),
                d.voyage(),
                d.portOfLoading(),
                d.portOfDischarge(),
                d.finalDestination(),
                d.incoterms(),
                d.etd(),
                d.eta(),
                d.atd(),
                d.ata(),
                d.notes(),
                containers,
                d.productLines());
    }
}
