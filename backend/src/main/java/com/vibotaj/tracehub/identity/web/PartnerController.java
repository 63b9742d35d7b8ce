package com.vibotaj.tracehub.identity.web;

import com.vibotaj.tracehub.identity.Partners;
import com.vibotaj.tracehub.identity.Partners.Partner;
import com.vibotaj.tracehub.identity.internal.PartnerAdministration;
import com.vibotaj.tracehub.platform.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organisations")
@RestController
class PartnerController {

    private final Partners partners;
    private final PartnerAdministration administration;

    PartnerController(Partners partners, PartnerAdministration administration) {
        this.partners = partners;
        this.administration = administration;
    }

    record CreatePartnerRequest(
            @jakarta.validation.constraints.NotBlank(message = "is required")
            @jakarta.validation.constraints.Size(max = 200)
            @io.swagger.v3.oas.annotations.media.Schema(example = "Rijnhaven Cocoa Trading B.V.")
            String name,

            @jakarta.validation.constraints.NotNull(message = "is required")
            @io.swagger.v3.oas.annotations.media.Schema(example = "buyer")
            com.vibotaj.tracehub.identity.OrganizationType type,

            @jakarta.validation.constraints.Pattern(
                    regexp = "(?i)[a-z]{2}",
                    message = "must be an ISO country code such as NL")
            @io.swagger.v3.oas.annotations.media.Schema(example = "NL")
            @Nullable
            String countryCode,

            @jakarta.validation.constraints.Email(message = "must be an e-mail address")
            @jakarta.validation.constraints.Size(max = 254)
            @io.swagger.v3.oas.annotations.media.Schema(example = "import@rijnhaven.example")
            @Nullable
            String adminEmail) {}

    @Operation(
            operationId = "createPartner",
            summary = "Add a trading partner (buyer, supplier or forwarder) to the caller's exporter organisation",
            description = "Exporter administrators only. Creates the partner's organisation and, with adminEmail,"
                    + " an invitation for its first administrator (the acceptUrl is returned once, as for"
                    + " invitations). 409 partner-exists when a partner has that name.")
    @org.springframework.web.bind.annotation.PostMapping("/api/partners")
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('users:manage')")
    org.springframework.http.ResponseEntity<PartnerAdministration.PartnerCreated> create(
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody CreatePartnerRequest body) {
        var created = administration.create(
                CurrentActor.require(),
                new PartnerAdministration.NewPartner(body.name(), body.type(), body.countryCode(), body.adminEmail()));
        return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(created);
    }

    @Operation(
            operationId = "listPartners",
            summary = "The caller's trading partners",
            description = "Buyers, suppliers and forwarders the caller's organisation may name on a shipment.")
    @GetMapping("/api/partners")
    List<Partner> list() {
        return partners.list(CurrentActor.require().organizationId());
    }
}
