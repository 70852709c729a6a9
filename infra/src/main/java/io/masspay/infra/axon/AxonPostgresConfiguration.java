package io.masspay.infra.axon;

import io.masspay.command.batch.BatchSequencingPolicy;
import io.masspay.command.walletfirst.PaymentsSequencingPolicy;
import io.masspay.infra.cluster.NodeName;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon on PostgreSQL, declared explicitly. Under Spring Boot 4, Axon 4.13's JDBC and transaction
 * auto-configurations never activate (they are ordered after Boot 3 class names), and the silent
 * fallbacks are an in-memory token store and a no-op transaction manager (docs/DESIGN.md, "Platform notes").
 * {@code AxonStorageIT} fails if either ever comes back. The schema itself is Flyway's.
 */
@Configuration(proxyBeanMethods = false)
public class AxonPostgresConfiguration {

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** Axon's JDBC calls join the Spring transaction, so lookup tables and events commit together. */
    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    /** Snake-case columns, as in Axon's JPA layout and its tuning guide; see V1 migration. */
    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    static final int MAX_GAP_OFFSET = 1_000_000;

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 EventSchema eventSchema,
                                                 org.axonframework.config.Configuration configuration,
                                                 JdbcTemplate jdbc,
                                                 @Value("${masspay.events.large-append:1000}") int largeAppend,
                                                 @Value("${masspay.events.read-batch-size:1000}") int readBatchSize) {
        return new OrderedAppendsStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                // Every pooled processor reads the store in queries of this many events, each query in a
                // transaction of its own. Axon's default of 100 is a tenth of what a coordinator hands out in
                // one cycle (1,024); 1,000 halved the transactions per wallet item (0.15 -> 0.07) and cut the
                // HTTP rail's from 0.92 to 0.72 (bench/RESULTS.md, set L).
                .batchSize(readBatchSize)
                // A 5,000-item submission reserves its 5,001 global indexes when it inserts and commits a moment
                // later; meanwhile other transactions commit events above them. Axon forgets a gap more than
                // maxGapOffset positions behind the newest event (default 10,000), and every processor would
                // then skip that submission's events for good. Under a flood, 10,000 is a few seconds of
                // appends; a million keeps such gaps until they fill (or until the 60 s gap timeout). ADR 0014.
                // Since ADR 0019 a large append is no longer overtaken, but the rule stays as a second line.
                .maxGapOffset(MAX_GAP_OFFSET), transactionManager, jdbc, largeAppend);
    }

    /**
     * The source of the read models' processors ({@code source: readModelEvents} in application.yml): woken by
     * PostgreSQL notifications instead of polling, so a read that waits for them waits milliseconds (ADR 0017);
     * each processor's stream leaves out the event types it cannot handle (ADR 0029).
     */
    @Bean
    public SkippingEventSource readModelEvents(EventStorageEngine storage, EventStore eventStore,
                                               EventNotifications notifications) {
        return new SkippingEventSource(new NotifiedEventSource(storage, eventStore, notifications));
    }

    /**
     * The source of the command side's processors ({@code source: storeEvents}): Axon's event store, whose
     * streams share one read of the newest events, with the event types a processor cannot handle left out of
     * its stream (ADR 0029).
     */
    @Bean
    public SkippingEventSource storeEvents(EventStore eventStore) {
        return new SkippingEventSource(eventStore);
    }

    /**
     * Claims carry this node's name, so an operator (and the multi-node test) sees which node holds which
     * segment. A node that dies keeps its claims until {@code masspay.tokens.claim-timeout} passes without
     * an update; only then may another node take them over (README, "Scaling out").
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, NodeName nodeName,
                                 @Value("${masspay.tokens.claim-timeout:PT10S}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .claimTimeout(claimTimeout)
                .nodeId(nodeName.value())
                .contentType(byte[].class)
                .build();
    }

    @Bean
    public JdbcSagaStore sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema())
                .serializer(serializer)
                .build();
    }

    /** Named by {@code @Aggregate(cache = "aggregateCache")} on the aggregates paid per item. */
    @Bean
    public BoundedCache aggregateCache(@Value("${masspay.aggregates.cache-entries:50000}") int entries,
                                       @Value("${masspay.aggregates.verify-cached-version:true}") boolean verify,
                                       JdbcTemplate jdbc) {
        return new BoundedCache(entries, verify ? new StoredVersions(jdbc) : null);
    }

    /** Axon's gateway, plus {@link ConflictRetry} for commands that lost a race to another node. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "command-conflict-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ConflictRetry(retries, 5, Duration.ofMillis(20)))
                .build();
    }

    /** Every aggregate's command handler finds its target through this (Axon takes a bean of this type). */
    @Bean
    public CommandTargetResolver commandTargetResolver() {
        return new CommandTargets();
    }

    @Bean
    public PaymentsSequencingPolicy paymentsSequencingPolicy() {
        return new PaymentsSequencingPolicy();
    }

    @Bean
    public BatchSequencingPolicy batchSequencingPolicy() {
        return new BatchSequencingPolicy();
    }
}
