package com.vibotaj.tracehub.platform;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction with an explicit tenant scope: for system flows that act before or
 * outside an authenticated request (login, invitations, demo data, jobs). Request handling uses
 * {@code @Transactional} and takes the scope from the access token instead.
 */
@Component
public class ScopedTransactions {

    private final TransactionTemplate writes;
    private final TransactionTemplate reads;

    ScopedTransactions(PlatformTransactionManager transactionManager) {
        this.writes = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
    }

    public <T> T write(TenantScope scope, Supplier<T> work) {
        return TenantContext.callAs(scope, () -> writes.execute(status -> work.get()));
    }

    public <T> T read(TenantScope scope, Supplier<T> work) {
        return TenantContext.callAs(scope, () -> reads.execute(status -> work.get()));
    }
}
