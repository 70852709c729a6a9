package io.masspay.infra.axon;

import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A cached aggregate is used only while the event store has nothing newer (ADR 0010). */
class BoundedCacheTest {

    static class Account {
        @AggregateIdentifier
        String id = "acc-1";
    }

    /** The store as another node left it: the last sequence number per stream. */
    private final Map<String, Long> store = new HashMap<>();
    private final List<String> queries = new ArrayList<>();
    private final BoundedCache cache = new BoundedCache(10, new StoredVersions(null) {
        @Override
        public Long lastSequenceNumber(String aggregateIdentifier) {
            queries.add("one " + aggregateIdentifier);
            return store.get(aggregateIdentifier);
        }

        @Override
        public Map<String, Long> lastSequenceNumbers(Collection<String> aggregateIdentifiers) {
            queries.add("all " + new TreeSet<>(aggregateIdentifiers));
            Map<String, Long> found = new HashMap<>(store);
            found.keySet().retainAll(aggregateIdentifiers);
            return found;
        }
    });

    @AfterEach
    void endUnitOfWork() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void a_chunk_checks_its_cached_aggregates_in_one_query_and_then_uses_them_unchecked() {
        cachedAt("acc-1", 4, 4);
        cachedAt("acc-2", 7, 7);
        DefaultUnitOfWork.startAndGet(null);

        cache.verify(List.of("acc-1", "acc-2", "not-cached"));

        assertThat((Object) cache.get("acc-1")).isNotNull();
        assertThat((Object) cache.get("acc-2")).isNotNull();
        assertThat(queries).containsExactly("all [acc-1, acc-2]");
    }

    @Test
    void a_chunk_drops_the_cached_aggregates_another_node_moved_on() {
        cachedAt("acc-1", 4, 4);
        cachedAt("acc-2", 7, 9);
        DefaultUnitOfWork.startAndGet(null);

        cache.verify(List.of("acc-1", "acc-2"));

        assertThat(cache.containsKey("acc-2")).as("stale, evicted").isFalse();
        assertThat((Object) cache.get("acc-2")).isNull();
        assertThat((Object) cache.get("acc-1")).isNotNull();
    }

    @Test
    void a_check_holds_only_for_its_own_unit_of_work() {
        cache.put("acc-1", entryAtVersion(4));
        store.put("acc-1", 4L);
        DefaultUnitOfWork.startAndGet(null).execute(() -> cache.verify(List.of("acc-1")));
        store.put("acc-1", 5L); // another node appended after that unit of work ended

        assertThat((Object) cache.get("acc-1")).isNull();
    }

    @Test
    void a_cached_aggregate_as_new_as_its_stream_is_used() {
        cache.put("acc-1", entryAtVersion(4));
        store.put("acc-1", 4L);

        assertThat((Object) cache.get("acc-1")).isNotNull();
    }

    @Test
    void a_cached_aggregate_behind_its_stream_is_dropped_so_the_stream_is_read_again() {
        cache.put("acc-1", entryAtVersion(4));
        store.put("acc-1", 6L);

        assertThat((Object) cache.get("acc-1")).isNull();
        assertThat(cache.containsKey("acc-1")).as("evicted").isFalse();
    }

    @Test
    void without_a_store_to_ask_every_entry_is_trusted() {
        BoundedCache trusting = new BoundedCache(10);
        trusting.put("acc-1", entryAtVersion(4));

        assertThat((Object) trusting.get("acc-1")).isNotNull();
    }

    @Test
    void the_least_recently_used_entry_goes_first() {
        BoundedCache small = new BoundedCache(2);
        small.put("a", 1);
        small.put("b", 2);
        small.get("a");
        small.put("c", 3);

        assertThat(small.containsKey("a")).isTrue();
        assertThat(small.containsKey("b")).isFalse();
    }

    /** An aggregate cached at one version while the store holds another (the same when nobody else wrote). */
    private void cachedAt(String id, long cachedVersion, long storedVersion) {
        cache.put(id, entryAtVersion(cachedVersion));
        store.put(id, storedVersion);
    }

    private static AggregateCacheEntry<Account> entryAtVersion(long version) {
        EventSourcedAggregate<Account> aggregate = EventSourcedAggregate.reconstruct(new Account(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Account.class), version, false,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
        return new AggregateCacheEntry<>(aggregate);
    }
}
