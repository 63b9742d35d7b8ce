package com.vibotaj.tracehub.identity.web;

import com.vibotaj.tracehub.identity.Partners;
import com.vibotaj.tracehub.identity.Partners.Partner;
import com.vibotaj.tracehub.platform.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organisations")
@RestController
class PartnerController {

    private final Partners partners;

    PartnerController(Partners partners) {
        this.partners = partners;
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
