package com.vibotaj.tracehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RoleTests {

    @Test
    void adminHoldsEveryPermissionAnyOtherRoleHas() {
        for (Role role : Role.values()) {
            assertThat(Role.ADMIN.permissions()).as(role.value()).containsAll(role.permissions());
        }
    }

    @Test
    void adminOutranksEveryOtherRoleAndNothingOutranksAdmin() {
        Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN).forEach(r -> {
            assertThat(Role.ADMIN.outranks(r)).as("admin > %s", r).isTrue();
            assertThat(r.outranks(Role.ADMIN)).as("%s > admin", r).isFalse();
        });
    }

    @Test
    void onlyAdminsManageUsersAndEveryRoleReadsShipments() {
        assertThat(Arrays.stream(Role.values()).filter(r -> r.permissions().contains(Permission.USERS_MANAGE)))
                .containsExactly(Role.ADMIN);
        assertThat(Role.values()).allMatch(r -> r.permissions().contains(Permission.SHIPMENTS_READ));
    }

    @Test
    void viewerCannotWriteAnything() {
        assertThat(Role.VIEWER.permissions()).allMatch(p -> p.endsWith(":read"));
    }

    @Test
    void parsesOnlyKnownLowerCaseValues() {
        assertThat(Role.of("compliance")).isEqualTo(Role.COMPLIANCE);
        assertThatThrownBy(() -> Role.of("ADMIN")).isInstanceOf(IllegalArgumentException.class);
    }
}
