package com.vibotaj.tracehub.notifications.internal;

import com.vibotaj.tracehub.support.TestData;
import java.util.UUID;

/**
 * An exporter with a user of every owner role, the buyer of its shipment, a supplier and a forwarder
 * party, a second buyer (a partner that does not buy this shipment) and an unrelated exporter. Arranged
 * directly as the database owner.
 */
final class NotificationFixtures {

    final TestData data;
    final TestData.Org exporter;
    final TestData.Org buyer;
    final TestData.Org otherBuyer;
    final TestData.Org supplier;
    final TestData.Org forwarder;
    final TestData.Org stranger;
    final TestData.User admin;
    final TestData.User compliance;
    final TestData.User logistics;
    final TestData.User viewer;
    final TestData.User buyerUser;
    final TestData.User otherBuyerUser;
    final TestData.User supplierUser;
    final TestData.User forwarderUser;
    final TestData.User strangerAdmin;
    final UUID shipment;
    final UUID otherBuyersShipment;

    NotificationFixtures(TestData data) {
        this.data = data;
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        otherBuyer = data.organization("buyer");
        supplier = data.organization("supplier");
        forwarder = data.organization("logistics");
        stranger = data.organization("exporter");
        admin = data.user(exporter, "admin");
        compliance = data.user(exporter, "compliance");
        logistics = data.user(exporter, "logistics");
        viewer = data.user(exporter, "viewer");
        buyerUser = data.user(buyer, "buyer");
        otherBuyerUser = data.user(otherBuyer, "buyer");
        supplierUser = data.user(supplier, "supplier");
        forwarderUser = data.user(forwarder, "logistics");
        strangerAdmin = data.user(stranger, "admin");
        data.partner(exporter, buyer);
        data.partner(exporter, otherBuyer);
        data.partner(exporter, supplier);
        data.partner(exporter, forwarder);
        shipment = shipment("NOT-" + UUID.randomUUID().toString().substring(0, 8), buyer, true);
        otherBuyersShipment = shipment("NOB-" + UUID.randomUUID().toString().substring(0, 8), otherBuyer, false);
    }

    UUID shipment(String reference, TestData.Org buyerOrg, boolean withParties) {
        UUID id = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id, status,"
                                + " port_of_loading, port_of_discharge) VALUES (?, ?, ?, 'cocoa_beans', ?, 'docs_pending',"
                                + " 'NGAPP', 'DEHAM')",
                        id,
                        exporter.id(),
                        reference,
                        buyerOrg.id());
        if (withParties) {
            party(id, supplier, "supplier");
            party(id, forwarder, "logistics");
        }
        return id;
    }

    void party(UUID shipmentId, TestData.Org party, String role) {
        data.owner()
                .update(
                        "INSERT INTO shipment_party (shipment_id, organization_id, party_organization_id, role)"
                                + " VALUES (?, ?, ?, ?)",
                        shipmentId,
                        exporter.id(),
                        party.id(),
                        role);
    }

    String reference(UUID shipmentId) {
        return data.owner().queryForObject("SELECT reference FROM shipment WHERE id = ?", String.class, shipmentId);
    }

    long notifications(TestData.User user) {
        return data.owner()
                .queryForObject("SELECT count(*) FROM notification WHERE user_id = ?", Long.class, user.id());
    }

    long notifications(TestData.User user, String kind) {
        return data.owner()
                .queryForObject(
                        "SELECT count(*) FROM notification WHERE user_id = ? AND kind = ?",
                        Long.class,
                        user.id(),
                        kind);
    }

    long mails(TestData.User user, String status) {
        return data.owner()
                .queryForObject(
                        "SELECT count(*) FROM mail_outbox WHERE to_address = ? AND status = ?",
                        Long.class,
                        user.email(),
                        status);
    }
}
