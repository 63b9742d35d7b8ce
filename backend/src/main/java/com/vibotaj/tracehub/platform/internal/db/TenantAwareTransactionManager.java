package com.vibotaj.tracehub.platform.internal.db;

import com.vibotaj.tracehub.platform.TenantContext;
import com.vibotaj.tracehub.platform.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Publishes the tenant scope to PostgreSQL at the start of every transaction, on the transaction's own
 * connection, as transaction-local settings that the row-level security policies read.
 *
 * <p>Every setting is always sent (empty when absent) so nothing from an earlier borrower of a pooled
 * connection can survive; values are bind parameters, never concatenated SQL. A DataSource proxy or a
 * transaction listener were tried and leak or misbehave (docs/adr/0002-tenancy-with-rls.md).
 */
public class TenantAwareTransactionManager extends JdbcTransactionManager {

    private static final String APPLY_SCOPE = "SELECT set_config('app.org_id', ?, true),"
            + " set_config('app.user_id', ?, true),"
            + " set_config('app.lookup_email', ?, true),"
            + " set_config('app.lookup_token', ?, true)";

    public TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        TenantScope scope = TenantContext.current();
        try (PreparedStatement statement = con.prepareStatement(APPLY_SCOPE)) {
            statement.setString(1, Objects.toString(scope.organizationId(), ""));
            statement.setString(2, Objects.toString(scope.userId(), ""));
            statement.setString(3, Objects.toString(scope.lookupEmail(), ""));
            statement.setString(4, Objects.toString(scope.lookupToken(), ""));
            statement.execute();
        }
    }
}
