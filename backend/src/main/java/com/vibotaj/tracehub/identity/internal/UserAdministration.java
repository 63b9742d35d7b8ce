package com.vibotaj.tracehub.identity.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.identity.internal.MembershipRepository.Member;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's view of the members of their organisation: list, create, change role, deactivate
 * and reactivate. Every change that reduces rights also ends the member's sessions in the organisation.
 */
@Service
public class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    private final ScopedTransactions tx;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwords;

    UserAdministration(
            ScopedTransactions tx,
            UserRepository users,
            MembershipRepository memberships,
            RefreshTokenRepository refreshTokens,
            PasswordEncoder passwords) {
        this.tx = tx;
        this.users = users;
        this.memberships = memberships;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
    }

    @Schema(enumAsRef = true)
    public enum UserStatus {
        ACTIVE,
        DEACTIVATED;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A member of the caller's organisation; {@code createdAt} is when they joined it. */
    public record UserView(
            UUID id,
            String email,
            String fullName,
            Role role,
            UserStatus status,
            Instant createdAt,
            @Nullable Instant lastLoginAt) {

        static UserView of(Member m) {
            UserStatus status = m.active() ? UserStatus.ACTIVE : UserStatus.DEACTIVATED;
            return new UserView(m.userId(), m.email(), m.fullName(), m.role(), status, m.joinedAt(), m.lastLoginAt());
        }
    }

    public record UserPage(List<UserView> items, int page, int size, long totalItems, int totalPages) {}

    public record NewUser(String email, String fullName, Role role, String password) {}

    @Transactional(readOnly = true)
    public UserPage list(CurrentActor actor, int page, int size) {
        long total = memberships.countMembers(actor.organizationId());
        List<UserView> items = memberships.findMembers(actor.organizationId(), size, (long) page * size).stream()
                .map(UserView::of)
                .toList();
        return new UserPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    @Transactional(readOnly = true)
    public UserView get(CurrentActor actor, UUID userId) {
        return UserView.of(
                memberships.findMember(actor.organizationId(), userId).orElseThrow(() -> notFound(userId)));
    }

    /**
     * Creates a user with a first password, as a member of the caller's organisation. A user who exists
     * already (in any organisation) is refused: they join by invitation, confirming with their password.
     */
    public UserView create(CurrentActor actor, NewUser user) {
        String email = user.email().trim().toLowerCase(Locale.ROOT);
        PasswordPolicy.check(user.password(), email);
        String hash = passwords.encode(user.password());
        UUID org = actor.organizationId();
        // Inserting a user row is allowed only for the e-mail named in the scope (RLS), and the same
        // scope lets us see whether that e-mail is taken in an organisation we cannot otherwise see.
        TenantScope scope = TenantScope.of(org, actor.userId()).withLookupEmail(email);
        try {
            UserView created = tx.write(scope, () -> {
                if (users.findByEmail(email).isPresent()) {
                    throw IdentityProblems.userExists(email);
                }
                UUID id = UUID.randomUUID();
                users.insert(id, email, user.fullName().trim(), hash);
                memberships.insert(id, org, user.role(), true);
                return UserView.of(memberships.findMember(org, id).orElseThrow());
            });
            log.info("User {} created in organisation {} by {}", created.id(), org, actor.userId());
            return created;
        } catch (DuplicateKeyException e) {
            // Lost a race with a concurrent creation or acceptance of the same e-mail.
            throw IdentityProblems.userExists(email);
        }
    }

    @Transactional
    public UserView changeRole(CurrentActor actor, UUID userId, Role role) {
        UUID org = actor.organizationId();
        int admins = memberships.lockActiveAdmins(org);
        Member target = memberships.lockMember(org, userId).orElseThrow(() -> notFound(userId));
        if (target.role() == role) {
            return UserView.of(target);
        }
        MembershipRules.checkRoleChange(actor.userId(), Role.of(actor.role()), target, role, admins);
        memberships.updateRole(userId, org, role);
        // Sessions carry the old role in their access tokens; the member signs in again with the new one.
        int revoked = refreshTokens.revokeForMembership(userId, org);
        log.info(
                "User {} in organisation {} changed to role {} by {}; {} sessions ended",
                userId,
                org,
                role.value(),
                actor.userId(),
                revoked);
        return reload(org, userId);
    }

    @Transactional
    public UserView deactivate(CurrentActor actor, UUID userId) {
        UUID org = actor.organizationId();
        int admins = memberships.lockActiveAdmins(org);
        Member target = memberships.lockMember(org, userId).orElseThrow(() -> notFound(userId));
        MembershipRules.checkDeactivation(actor.userId(), target, admins);
        if (target.active()) {
            memberships.updateStatus(userId, org, false);
            log.info("User {} deactivated in organisation {} by {}", userId, org, actor.userId());
        }
        // Also when already deactivated: ending sessions again is harmless and closes any gap.
        refreshTokens.revokeForMembership(userId, org);
        return reload(org, userId);
    }

    @Transactional
    public UserView reactivate(CurrentActor actor, UUID userId) {
        UUID org = actor.organizationId();
        Member target = memberships.lockMember(org, userId).orElseThrow(() -> notFound(userId));
        if (!target.active()) {
            memberships.updateStatus(userId, org, true);
            log.info("User {} reactivated in organisation {} by {}", userId, org, actor.userId());
        }
        return reload(org, userId);
    }

    private UserView reload(UUID org, UUID userId) {
        return UserView.of(memberships.findMember(org, userId).orElseThrow(() -> notFound(userId)));
    }

    private static NotFoundException notFound(UUID userId) {
        return NotFoundException.of("User", userId);
    }
}
