package com.vibotaj.tracehub.identity.web;

import com.vibotaj.tracehub.identity.OrganizationSettings;
import com.vibotaj.tracehub.identity.OrganizationSettings.Settings;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organisations")
@RestController
class OrganizationSettingsController {

    private final OrganizationSettings settings;

    OrganizationSettingsController(OrganizationSettings settings) {
        this.settings = settings;
    }

    record SettingsRequest(
            @Size(max = 40) @Schema(example = "NG-TRACES-2026-0417", description = "null or blank clears it") @Nullable
            String tracesNumber) {}

    @Operation(operationId = "getOrganizationSettings", summary = "The settings of the caller's organisation")
    @GetMapping("/api/organization/settings")
    Settings get() {
        CurrentActor actor = CurrentActor.require();
        return settings.find(actor.organizationId())
                .orElseThrow(() -> NotFoundException.of("Organisation", actor.organizationId()));
    }

    @Operation(
            operationId = "updateOrganizationSettings",
            summary = "Replace the settings of the caller's organisation",
            description = "Needs settings:manage. tracesNumber is the EU TRACES registration number that TRACES"
                    + " health certificates must carry; compliance checks them against it.")
    @PutMapping("/api/organization/settings")
    @PreAuthorize("hasAuthority('settings:manage')")
    Settings put(@Valid @RequestBody SettingsRequest body) {
        return settings.update(CurrentActor.require().organizationId(), body.tracesNumber());
    }
}
