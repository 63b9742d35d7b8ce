package com.vibotaj.tracehub.identity.web;

import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.identity.internal.UserAdministration;
import com.vibotaj.tracehub.identity.internal.UserAdministration.NewUser;
import com.vibotaj.tracehub.identity.internal.UserAdministration.UserPage;
import com.vibotaj.tracehub.identity.internal.UserAdministration.UserView;
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
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Users")
@RestController
@RequestMapping("/api/users")
@PreAuthorize("hasAuthority('users:manage')")
class UserController {

    private final UserAdministration administration;

    UserController(UserAdministration administration) {
        this.administration = administration;
    }

    record CreateUserRequest(
            @NotBlank(message = "is required") @Email(message = "must be an e-mail address") @Size(max = 254)
            String email,

            @NotBlank(message = "is required") @Size(max = 200)
            String fullName,

            @NotNull(message = "is required") Role role,

            @NotBlank(message = "is required") @Size(max = 1024)
            String password) {}

    record UpdateUserRequest(
            @NotNull(message = "is required") Role role) {}

    @Operation(
            operationId = "listUsers",
            summary = "List members of the caller's organisation",
            description = "Ordered by name.")
    @GetMapping
    UserPage list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return administration.list(CurrentActor.require(), page, size);
    }

    @Operation(operationId = "getUser", summary = "A member of the caller's organisation")
    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id) {
        return administration.get(CurrentActor.require(), id);
    }

    @Operation(
            operationId = "createUser",
            summary = "Create a user in the caller's organisation",
            description = "409 user-exists when the e-mail has an account already: invite them instead.")
    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUserRequest body) {
        UserView created = administration.create(
                CurrentActor.require(), new NewUser(body.email(), body.fullName(), body.role(), body.password()));
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

    @Operation(
            operationId = "updateUser",
            summary = "Change a member's role",
            description = "Ends the member's sessions. 409 self-modification or last-admin when refused.")
    @PatchMapping("/{id}")
    UserView update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest body) {
        return administration.changeRole(CurrentActor.require(), id, body.role());
    }

    @Operation(
            operationId = "deactivateUser",
            summary = "Deactivate a member",
            description = "The member can no longer sign in here; their sessions end. Refused for yourself"
                    + " and for the last active admin.")
    @PostMapping("/{id}/deactivate")
    UserView deactivate(@PathVariable UUID id) {
        return administration.deactivate(CurrentActor.require(), id);
    }

    @Operation(operationId = "reactivateUser", summary = "Reactivate a deactivated member")
    @PostMapping("/{id}/reactivate")
    UserView reactivate(@PathVariable UUID id) {
        return administration.reactivate(CurrentActor.require(), id);
    }
}
