package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.identity.internal.IdentityProblems.RoleEscalation;
import com.vibotaj.tracehub.identity.internal.MembershipRepository.Member;
import java.util.UUID;

/**
 * Who may change whose membership (product spec §1): nobody changes their own role or deactivates
 * themselves, nobody grants more than they hold, and an organisation never loses its last active admin.
 *
 * <p>The caller must count the active admins with {@link MembershipRepository#lockActiveAdmins} in the
 * same transaction, so two concurrent demotions of the last two admins cannot both see "two".
 */
final class MembershipRules {

    private MembershipRules() {}

    static void checkRoleChange(UUID actorId, Role actorRole, Member target, Role newRole, int activeAdmins) {
        if (target.userId().equals(actorId)) {
            throw IdentityProblems.selfModification("change your own role");
        }
        if (newRole.outranks(actorRole)) {
            throw new RoleEscalation();
        }
        if (newRole != Role.ADMIN && isLastActiveAdmin(target, activeAdmins)) {
            throw IdentityProblems.lastAdmin();
        }
    }

    static void checkDeactivation(UUID actorId, Member target, int activeAdmins) {
        if (target.userId().equals(actorId)) {
            throw IdentityProblems.selfModification("deactivate yourself");
        }
        if (isLastActiveAdmin(target, activeAdmins)) {
            throw IdentityProblems.lastAdmin();
        }
    }

    private static boolean isLastActiveAdmin(Member target, int activeAdmins) {
        return target.active() && target.role() == Role.ADMIN && activeAdmins <= 1;
    }
}
