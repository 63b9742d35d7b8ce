package com.vibotaj.tracehub.shipments.web;

import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.ValidationException;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.internal.ShipmentCommands;
import com.vibotaj.tracehub.shipments.internal.ShipmentFilter;
import com.vibotaj.tracehub.shipments.internal.ShipmentQueries;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.Detail;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.Page;
import com.vibotaj.tracehub.shipments.internal.ShipmentViews.StatusChangeView;
import com.vibotaj.tracehub.shipments.web.ShipmentRequests.ContainersRequest;
import com.vibotaj.tracehub.shipments.web.ShipmentRequests.ShipmentRequest;
import com.vibotaj.tracehub.shipments.web.ShipmentRequests.StatusChangeRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Shipments")
@RestController
@RequestMapping("/api/shipments")
@PreAuthorize("hasAuthority('shipments:read')")
class ShipmentController {

    private final ShipmentCommands commands;
    private final ShipmentQueries queries;

    ShipmentController(ShipmentCommands commands, ShipmentQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(
            operationId = "listShipments",
            summary = "Shipments the caller's organisation owns or has been given access to",
            description = "Text search matches reference, container numbers, B/L, booking and vessel (substring,"
                    + " case-insensitive). Archived shipments appear only when status=archived is asked for."
                    + " sort: eta (default), etd, reference, updated; prefix - for descending.")
    @GetMapping
    Page list(
            @RequestParam(required = false) @Size(max = 100) @Nullable String q,
            @RequestParam(required = false) @Nullable List<ShipmentStatus> status,
            @RequestParam(required = false) @Nullable UUID buyer,
            @RequestParam(required = false) @Size(max = 40) @Nullable String productType,
            @RequestParam(required = false)
                    @Pattern(regexp = "(?i)[a-z]{2}[a-z2-9]{3}", message = "must be a UN/LOCODE")
                    @Nullable
                    String portOfLoading,
            @RequestParam(required = false)
                    @Pattern(regexp = "(?i)[a-z]{2}[a-z2-9]{3}", message = "must be a UN/LOCODE")
                    @Nullable
                    String portOfDischarge,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    OffsetDateTime etaFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    OffsetDateTime etaTo,
            @RequestParam(required = false) @Nullable Boolean needsAttention,
            @Parameter(description = "created at or after")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    OffsetDateTime createdFrom,
            @Parameter(description = "created before")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    OffsetDateTime createdTo,
            @Parameter(description = "departed (ATD) at or after")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    OffsetDateTime atdFrom,
            @Parameter(description = "departed (ATD) before")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    OffsetDateTime atdTo,
            @Parameter(description = "arrived (ATA) at or after")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    OffsetDateTime ataFrom,
            @Parameter(description = "arrived (ATA) before")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    OffsetDateTime ataTo,
            @Parameter(description = "one attention reason: eta_slipped, customs_hold, unknown_port")
                    @RequestParam(required = false)
                    @Pattern(
                            regexp = "eta_slipped|customs_hold|unknown_port",
                            message = "must be one of eta_slipped, customs_hold, unknown_port")
                    @Nullable
                    String attention,
            @Parameter(description = "arrived no later than one day after the first ETA (true) or later (false)")
                    @RequestParam(required = false)
                    @Nullable
                    Boolean onTime,
            @Parameter(description = "overall result of the stored compliance evaluation")
                    @RequestParam(required = false)
                    @Pattern(
                            regexp = "compliant|in_progress|non_compliant|not_evaluated",
                            message = "must be one of compliant, in_progress, non_compliant, not_evaluated")
                    @Nullable
                    String compliance,
            @Parameter(description = "has a document version waiting for review (uploaded or under review)")
                    @RequestParam(required = false)
                    @Nullable
                    Boolean documentsAwaitingReview,
            @Parameter(description = "has a live document version expiring on or after this day")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate expiryFrom,
            @Parameter(description = "has a live document version expiring before this day")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate expiryTo,
            @Parameter(description = "eta, -eta, etd, -etd, reference, -reference, updated, -updated")
                    @RequestParam(defaultValue = "eta")
                    @Pattern(
                            regexp = "-?(eta|etd|reference|updated)",
                            message = "must be one of eta, etd, reference, updated (prefix - for descending)")
                    String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "25") @Min(1) @Max(200) int size) {
        ShipmentFilter filter = new ShipmentFilter(
                q,
                status == null ? List.of() : status,
                buyer,
                productType,
                portOfLoading,
                portOfDischarge,
                etaFrom,
                etaTo,
                needsAttention,
                ShipmentFilter.Sort.parse(sort),
                new ShipmentFilter.Facts(
                        createdFrom,
                        createdTo,
                        atdFrom,
                        atdTo,
                        ataFrom,
                        ataTo,
                        attention,
                        onTime,
                        compliance,
                        documentsAwaitingReview,
                        expiryFrom,
                        expiryTo));
        return queries.list(CurrentActor.require(), filter, page, size);
    }

    @Operation(
            operationId = "createShipment",
            summary = "Create a shipment (as a draft)",
            description = "Containers are checked against ISO 6346 (check digit); placeholders such as TBD are"
                    + " refused. Ports are UN/LOCODEs; a well-formed code missing from the reference table is"
                    + " accepted and flagged (attention: unknown_port).")
    @PostMapping
    @PreAuthorize("hasAuthority('shipments:write')")
    ResponseEntity<Detail> create(@Valid @RequestBody ShipmentRequest body) {
        CurrentActor actor = CurrentActor.require();
        UUID id = commands.create(actor, body.toFields());
        return ResponseEntity.created(URI.create("/api/shipments/" + id)).body(queries.detail(actor, id));
    }

    @Operation(operationId = "getShipment", summary = "One shipment with its containers, product lines and parties")
    @GetMapping("/{id}")
    Detail get(@PathVariable UUID id) {
        return queries.detail(CurrentActor.require(), id);
    }

    @Operation(
            operationId = "updateShipment",
            summary = "Replace a shipment's editable fields",
            description = "Send the version you loaded; 409 stale-version when someone changed it meanwhile.")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('shipments:write')")
    Detail update(@PathVariable UUID id, @Valid @RequestBody ShipmentRequest body) {
        if (body.version() == null) {
            throw ValidationException.of("version", "is required when updating");
        }
        CurrentActor actor = CurrentActor.require();
        commands.update(actor, id, body.version(), body.toFields());
        return queries.detail(actor, id);
    }

    @Operation(
            operationId = "deleteShipment",
            summary = "Delete a draft shipment",
            description = "Only drafts can be deleted (409 shipment-not-draft otherwise: archive instead).")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('shipments:write')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        commands.delete(CurrentActor.require(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "changeShipmentStatus",
            summary = "Move a shipment along its status machine, or archive it",
            description = "Allowed moves: draft→docs_pending; docs_pending→docs_complete|in_transit;"
                    + " docs_complete→docs_pending|in_transit; in_transit→arrived; arrived→customs;"
                    + " customs→arrived|delivered; any→archived (a reason is required unless delivered)."
                    + " 409 invalid-status-transition otherwise.")
    @PostMapping("/{id}/status")
    @PreAuthorize("hasAuthority('shipments:write')")
    Detail changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChangeRequest body) {
        CurrentActor actor = CurrentActor.require();
        commands.changeStatus(actor, id, body.status(), body.reason());
        return queries.detail(actor, id);
    }

    @Operation(operationId = "getShipmentHistory", summary = "Every status change, oldest first")
    @GetMapping("/{id}/history")
    List<StatusChangeView> history(@PathVariable UUID id) {
        return queries.history(id);
    }

    @Operation(
            operationId = "replaceShipmentContainers",
            summary = "Replace the shipment's containers",
            description = "Product lines must not refer to a container that is removed.")
    @PutMapping("/{id}/containers")
    @PreAuthorize("hasAuthority('shipments:write')")
    Detail replaceContainers(@PathVariable UUID id, @Valid @RequestBody ContainersRequest body) {
        CurrentActor actor = CurrentActor.require();
        Detail current = queries.detail(actor, id);
        ShipmentFields fields = ShipmentFieldsMapper.withContainers(
                current,
                body.containers().stream()
                        .map(ShipmentRequests.ContainerRequest::toLine)
                        .toList());
        commands.update(actor, id, body.version(), fields);
        return queries.detail(actor, id);
    }

    @Operation(operationId = "addShipmentContainer", summary = "Add one container to the shipment")
    @PostMapping("/{id}/containers")
    @PreAuthorize("hasAuthority('shipments:write')")
    Detail addContainer(@PathVariable UUID id, @Valid @RequestBody ShipmentRequests.ContainerRequest body) {
        CurrentActor actor = CurrentActor.require();
        Detail current = queries.detail(actor, id);
        var containers = new java.util.ArrayList<>(ShipmentFieldsMapper.containers(current));
        containers.add(body.toLine());
        commands.update(actor, id, current.version(), ShipmentFieldsMapper.withContainers(current, containers));
        return queries.detail(actor, id);
    }
}
