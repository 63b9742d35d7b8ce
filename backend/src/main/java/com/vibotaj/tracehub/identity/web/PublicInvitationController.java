package com.vibotaj.tracehub.identity.web;

import com.vibotaj.tracehub.identity.internal.InvitationAcceptance;
import com.vibotaj.tracehub.identity.internal.InvitationAcceptance.InvitationPreview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invitee's side of an invitation; the token is the only credential (no sign-in). It travels in the
 * request body, never in the URL, so that it stays out of access logs and proxies.
 */
@Tag(name = "Invitations")
@RestController
@RequestMapping("/api/public/invitations")
class PublicInvitationController {

    /** Issued tokens are 43 characters; the bound only stops absurd input before the lookup rejects it. */
    private static final int MAX_TOKEN = 256;

    private final InvitationAcceptance acceptance;

    PublicInvitationController(InvitationAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    record InvitationTokenRequest(
            @NotBlank(message = "is required") @Size(max = MAX_TOKEN)
            String token) {}

    record AcceptInvitationRequest(
            @NotBlank(message = "is required") @Size(max = MAX_TOKEN)
            String token,

            @Size(max = 200) @Nullable String fullName,

            @NotBlank(message = "is required") @Size(max = 1024)
            String password) {}

    record AcceptInvitationResponse(String email) {}

    @Operation(
            operationId = "getInvitationPreview",
            summary = "What an invitation is for (no sign-in)",
            description = "The token from the invitation link goes in the body. 404 invitation-not-found for"
                    + " unknown or revoked tokens; 410 invitation-expired or invitation-used.")
    @PostMapping("/preview")
    ResponseEntity<InvitationPreview> preview(@Valid @RequestBody InvitationTokenRequest body) {
        return noStore(acceptance.preview(body.token()));
    }

    @Operation(
            operationId = "acceptInvitation",
            summary = "Accept an invitation, creating the user if needed (no sign-in)",
            description = "The token from the invitation link goes in the body. A new user gives fullName and a"
                    + " new password; an existing user confirms with their current password. Single use.")
    @PostMapping("/accept")
    ResponseEntity<AcceptInvitationResponse> accept(
            @Valid @RequestBody AcceptInvitationRequest body, HttpServletRequest request) {
        return noStore(new AcceptInvitationResponse(
                acceptance.accept(body.token(), body.fullName(), body.password(), request.getRemoteAddr())));
    }

    /** Answers to a bearer secret are private to whoever holds it: no cache may keep a copy. */
    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
