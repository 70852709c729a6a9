package io.masspay.query.support;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs a read made of several queries against one snapshot of the read models. Outside a transaction each
 * statement sees what was committed when it started, so a projection committing between a page's totals and
 * its rows gives an answer that disagrees with itself: a status whose Counts say Success while its Items say
 * RetainedInWallet for the item a return just reopened. A read-only REPEATABLE READ transaction is
 * PostgreSQL's snapshot for the whole read; it takes no locks and never blocks a projection.
 */
@Component
public class Snapshot {

    private final TransactionTemplate readOnly;

    public Snapshot(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public <T> T read(Supplier<T> queries) {
        return readOnly.execute(transaction -> queries.get());
    }
}
