package com.vibotaj.tracehub.identity.web;

import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.identity.internal.Invitations;
import com.vibotaj.tracehub.identity.internal.Invitations.InvitationIssued;
import com.vibotaj.tracehub.identity.internal.Invitations.InvitationPage;
import com.vibotaj.tracehub.identity.internal.Invitations.InvitationView;
import com.vibotaj.tracehub.platform.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invitations")
@RestController
@RequestMapping("/api/invitations")
@PreAuthorize("hasAuthority('users:manage')")
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    record CreateInvitationRequest(
            @NotBlank(message = "is required") @Email(message = "must be an e-mail address") @Size(max = 254)
            String email,

            @NotNull(message = "is required") Role role) {}

    @Operation(
            operationId = "listInvitations",
            summary = "List invitations of the caller's organisation",
            description = "Newest first.")
    @GetMapping
    InvitationPage list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return invitations.list(CurrentActor.require(), page, size);
    }

    @Operation(
            operationId = "createInvitation",
            summary = "Invite someone to the caller's organisation",
            description = "Answers the one-time accept link (shown once). Replaces a pending invitation of the"
                    + " same e-mail; 409 already-member for an active member.")
    @PostMapping
    ResponseEntity<InvitationIssued> invite(@Valid @RequestBody CreateInvitationRequest body) {
        return noStore(HttpStatus.CREATED, invitations.invite(CurrentActor.require(), body.email(), body.role()));
    }

    @Operation(
            operationId = "resendInvitation",
            summary = "Resend a pending invitation",
            description = "Issues a new link and expiry; the previous link stops working.")
    @PostMapping("/{id}/resend")
    ResponseEntity<InvitationIssued> resend(@PathVariable UUID id) {
        return noStore(HttpStatus.OK, invitations.resend(CurrentActor.require(), id));
    }

    @Operation(operationId = "revokeInvitation", summary = "Revoke a pending invitation")
    @PostMapping("/{id}/revoke")
    InvitationView revoke(@PathVariable UUID id) {
        return invitations.revoke(CurrentActor.require(), id);
    }

    /** The accept link is a bearer secret: no cache may keep a copy of it. */
    private static ResponseEntity<InvitationIssued> noStore(HttpStatus status, InvitationIssued issued) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(issued);
    }
}
