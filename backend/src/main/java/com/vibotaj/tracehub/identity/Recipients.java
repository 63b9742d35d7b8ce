package com.vibotaj.tracehub.identity;

import com.vibotaj.tracehub.identity.internal.RecipientQuery;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who may be told about something in an organisation: its active members with their role and e-mail.
 * Reads in that organisation's own scope (row-level security shows an organisation only its own
 * members), so it must be called outside a transaction, as asynchronous listeners are.
 */
@Service
public class Recipients {

    private final RecipientQuery query;
    private final ScopedTransactions tx;

    Recipients(RecipientQuery query, ScopedTransactions tx) {
        this.query = query;
        this.tx = tx;
    }

    /** An active member of an organisation. */
    public record Recipient(UUID userId, UUID organizationId, String email, String fullName, Role role) {}

    /** The organisation's active members, by name. */
    public List<Recipient> members(UUID organizationId) {
        return tx.read(TenantScope.organization(organizationId), () -> query.activeMembers(organizationId));
    }

    /** The user, if they are an active member of the organisation. */
    public Optional<Recipient> member(UUID organizationId, UUID userId) {
        return tx.read(TenantScope.organization(organizationId), () -> query.activeMember(organizationId, userId));
    }
}
