package com.vibotaj.tracehub.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.identity.internal.IdentityProblems.RoleEscalation;
import com.vibotaj.tracehub.identity.internal.MembershipRepository.Member;
import com.vibotaj.tracehub.platform.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembershipRulesTests {

    private static final UUID ACTOR = UUID.randomUUID();

    @Test
    void nobodyChangesTheirOwnRoleEvenDownwards() {
        Member self = member(ACTOR, Role.ADMIN, true);
        assertProblem(
                () -> MembershipRules.checkRoleChange(ACTOR, Role.ADMIN, self, Role.VIEWER, 3), "self-modification");
    }

    @Test
    void nobodyGrantsARoleAboveTheirOwn() {
        Member other = member(UUID.randomUUID(), Role.VIEWER, true);
        assertThatThrownBy(() -> MembershipRules.checkRoleChange(ACTOR, Role.LOGISTICS, other, Role.ADMIN, 1))
                .isInstanceOf(RoleEscalation.class);
    }

    @Test
    void anAdminMayGrantAnyRole() {
        Member other = member(UUID.randomUUID(), Role.VIEWER, true);
        for (Role role : Role.values()) {
            assertThatCode(() -> MembershipRules.checkRoleChange(ACTOR, Role.ADMIN, other, role, 1))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theLastActiveAdminCannotBeDemoted() {
        Member lastAdmin = member(UUID.randomUUID(), Role.ADMIN, true);
        assertProblem(
                () -> MembershipRules.checkRoleChange(ACTOR, Role.ADMIN, lastAdmin, Role.COMPLIANCE, 1), "last-admin");
    }

    @Test
    void anAdminCanBeDemotedWhileAnotherRemains() {
        Member admin = member(UUID.randomUUID(), Role.ADMIN, true);
        assertThatCode(() -> MembershipRules.checkRoleChange(ACTOR, Role.ADMIN, admin, Role.VIEWER, 2))
                .doesNotThrowAnyException();
    }

    @Test
    void aDeactivatedAdminDoesNotCountAsTheLastOne() {
        Member deactivated = member(UUID.randomUUID(), Role.ADMIN, false);
        assertThatCode(() -> MembershipRules.checkRoleChange(ACTOR, Role.ADMIN, deactivated, Role.VIEWER, 1))
                .doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.checkDeactivation(ACTOR, deactivated, 1))
                .doesNotThrowAnyException();
    }

    @Test
    void nobodyDeactivatesThemselves() {
        assertProblem(
                () -> MembershipRules.checkDeactivation(ACTOR, member(ACTOR, Role.ADMIN, true), 5),
                "self-modification");
    }

    @Test
    void theLastActiveAdminCannotBeDeactivated() {
        assertProblem(
                () -> MembershipRules.checkDeactivation(ACTOR, member(UUID.randomUUID(), Role.ADMIN, true), 1),
                "last-admin");
    }

    @Test
    void ordinaryMembersCanBeDeactivatedWhateverTheAdminCount() {
        assertThatCode(() -> MembershipRules.checkDeactivation(ACTOR, member(UUID.randomUUID(), Role.VIEWER, true), 0))
                .doesNotThrowAnyException();
    }

    private static Member member(UUID id, Role role, boolean active) {
        return new Member(id, "m@example.test", "Member", role, active, Instant.EPOCH, null);
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String kind) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.type().toString())
                                .endsWith("/" + kind));
    }
}
