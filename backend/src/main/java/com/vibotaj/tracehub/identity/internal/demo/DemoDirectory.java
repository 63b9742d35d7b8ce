package com.vibotaj.tracehub.identity.internal.demo;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Role;
import java.util.List;
import java.util.UUID;

/**
 * The fictional organisations and people of the demo: an exporter, two EU buyers, a supplier
 * cooperative and a forwarder; one user per role. Fixed ids keep the loader idempotent.
 */
final class DemoDirectory {

    private DemoDirectory() {}

    record DemoOrganization(UUID id, String name, OrganizationType type, String country) {}

    record DemoUser(String email, String fullName, DemoOrganization organization, Role role) {}

    /** The demo exporter's EU TRACES registration number (an organisation setting). */
    static final String EXPORTER_TRACES_NUMBER = "NG-TRACES-2026-0417";

    static final DemoOrganization EXPORTER = new DemoOrganization(
            UUID.fromString("0d3b1a10-0000-4000-8000-000000000001"),
            "Ogun Valley Agro Exports Ltd",
            OrganizationType.EXPORTER,
            "NG");
    static final DemoOrganization BUYER_HAMBURG = new DemoOrganization(
            UUID.fromString("0d3b1a10-0000-4000-8000-000000000002"),
            "Elbufer Rohstoffhandel GmbH",
            OrganizationType.BUYER,
            "DE");
    static final DemoOrganization BUYER_ROTTERDAM = new DemoOrganization(
            UUID.fromString("0d3b1a10-0000-4000-8000-000000000003"),
            "Maaskade Commodities B.V.",
            OrganizationType.BUYER,
            "NL");
    static final DemoOrganization SUPPLIER = new DemoOrganization(
            UUID.fromString("0d3b1a10-0000-4000-8000-000000000004"),
            "Idanre Cocoa Farmers Cooperative",
            OrganizationType.SUPPLIER,
            "NG");
    static final DemoOrganization FORWARDER = new DemoOrganization(
            UUID.fromString("0d3b1a10-0000-4000-8000-000000000005"),
            "Marina Gateway Forwarding Ltd",
            OrganizationType.LOGISTICS,
            "NG");

    static final List<DemoOrganization> ORGANIZATIONS =
            List.of(EXPORTER, BUYER_HAMBURG, BUYER_ROTTERDAM, SUPPLIER, FORWARDER);

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin@ogunvalley.example", "Adaeze Okafor", EXPORTER, Role.ADMIN),
            new DemoUser("compliance@ogunvalley.example", "Tunde Bakare", EXPORTER, Role.COMPLIANCE),
            new DemoUser("logistics@ogunvalley.example", "Ngozi Eze", EXPORTER, Role.LOGISTICS),
            new DemoUser("viewer@ogunvalley.example", "Femi Adeyemi", EXPORTER, Role.VIEWER),
            new DemoUser("buyer@elbufer.example", "Jana Vogt", BUYER_HAMBURG, Role.BUYER),
            new DemoUser("admin@elbufer.example", "Lukas Brandt", BUYER_HAMBURG, Role.ADMIN),
            new DemoUser("buyer@maaskade.example", "Sanne de Vries", BUYER_ROTTERDAM, Role.BUYER),
            new DemoUser("supplier@idanre-coop.example", "Bola Ojo", SUPPLIER, Role.SUPPLIER),
            new DemoUser("ops@marinagateway.example", "Chidi Nwosu", FORWARDER, Role.LOGISTICS));
}
