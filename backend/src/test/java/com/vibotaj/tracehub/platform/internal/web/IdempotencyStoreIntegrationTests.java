package com.vibotaj.tracehub.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.platform.internal.web.IdempotencyStore.Owner;
import com.vibotaj.tracehub.platform.internal.web.IdempotencyStore.StoredResponse;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How long the store keeps a key: an unfinished claim briefly, a finished answer for a day. */
@IntegrationTest
class IdempotencyStoreIntegrationTests {

    @Autowired
    IdempotencyStore store;

    @Autowired
    TestData data;

    @Test
    void anUnfinishedClaimHoldsItsKeyForItsLeaseAndAFinishedOneForADay() {
        TestData.Org org = data.organization("exporter");
        TestData.User user = data.user(org, "admin");
        Owner owner = new Owner(user.id(), org.id());
        String key = UUID.randomUUID().toString();

        assertThat(store.claim(owner, key, "fingerprint")).isTrue();
        assertThat(store.claim(owner, key, "fingerprint")).isFalse();
        assertThat(lifetime(key)).isEqualTo("00:15:00");

        store.complete(owner, key, new StoredResponse(201, "application/json", Map.of(), new byte[] {'{', '}'}));

        assertThat(lifetime(key)).isEqualTo("1 day");
        assertThat(store.find(owner, key, "fingerprint")).containsInstanceOf(IdempotencyStore.Existing.Completed.class);
    }

    private String lifetime(String key) {
        return data.owner()
                .queryForObject(
                        "SELECT justify_hours(expires_at - created_at)::text FROM idempotency_record"
                                + " WHERE idempotency_key = ?",
                        String.class,
                        key);
    }
}
