package io.masspay.command.transaction;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.modelling.command.LockAwareAggregate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;

/**
 * Axon's event-sourcing repository for {@link Transaction}, with one change: the unit of work's register of the
 * aggregates it manages answers "is this aggregate still managed?" by identifier instead of by scanning every entry.
 * Axon asks that once per aggregate at commit, so a submission that creates 5,000 Transactions in one unit of work
 * did 12.5 million comparisons (a third of the POST's CPU in a JFR profile, README "Benchmark"). Everything else is
 * Axon's own: same cache, locking, event store and handler resolution as the default repository. (It extends
 * the caching repository that {@code EventSourcingRepository.builder().cache(...).build()} would return: calling
 * a plain repository's constructor with that builder silently drops the cache.)
 */
public class TransactionRepository extends CachingEventSourcingRepository<Transaction> {

    private final String managedKey = this + "_MANAGED_BY_ID";

    TransactionRepository(Builder<Transaction> builder) {
        super(builder);
    }

    @Override
    protected Map<String, LockAwareAggregate<Transaction, EventSourcedAggregate<Transaction>>> managedAggregates(
            UnitOfWork<?> uow) {
        return uow.root().getOrComputeResource(managedKey, key -> new ManagedById<>());
    }

    /** A map from identifier to aggregate whose {@code containsValue} looks the value up by its identifier. */
    static final class ManagedById<A extends org.axonframework.modelling.command.Aggregate<?>> extends HashMap<String, A> {

        @Override
        public boolean containsValue(Object value) {
            if (value instanceof org.axonframework.modelling.command.Aggregate<?> aggregate
                    && aggregate.identifierAsString() != null && get(aggregate.identifierAsString()) == value) {
                return true;
            }
            return super.containsValue(value); // not under its own identifier: Axon's own answer, rare path
        }
    }

    /** Named by {@code @Aggregate(repository = "transactionRepository")} on {@link Transaction}. */
    @Configuration(proxyBeanMethods = false)
    static class Definition {

        @Bean
        TransactionRepository transactionRepository(EventStore eventStore, @Qualifier("aggregateCache") Cache cache,
                                                     ParameterResolverFactory parameterResolverFactory,
                                                     HandlerDefinition handlerDefinition) {
            return new TransactionRepository(EventSourcingRepository.builder(Transaction.class)
                    .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(Transaction.class,
                            parameterResolverFactory, handlerDefinition))
                    .eventStore(eventStore)
                    .cache(cache));
        }
    }
}
