package io.masspay.infra.projections;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every copy processor on this node shares (ADR 0019): the event source, the token store, the transactions
 * and the batch size ({@code masspay.rebuild.batch-size}). A rebuild then only says which read model, after which
 * live processor, in how many segments.
 */
record CopyProcessors(int batchSize, StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokenStore,
                      TransactionManager transactions, JdbcTemplate jdbc) {

    CopyProcessor of(String group, StreamingEventProcessor live, int segments) {
        return CopyProcessor.of(group, live, segments, batchSize, events, tokenStore, transactions, jdbc);
    }
}
