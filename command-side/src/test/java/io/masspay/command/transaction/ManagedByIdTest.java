package io.masspay.command.transaction;

import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The register Axon asks "is this aggregate still managed?" answers as a plain map would, by identifier. */
class ManagedByIdTest {

    static class Item {
        @AggregateIdentifier
        String id;

        Item(String id) {
            this.id = id;
        }
    }

    private final TransactionRepository.ManagedById<EventSourcedAggregate<Item>> managed =
            new TransactionRepository.ManagedById<>();

    @Test
    void an_aggregate_registered_under_its_identifier_is_managed() {
        EventSourcedAggregate<Item> item = aggregate("T-1");
        managed.put("T-1", item);

        assertThat(managed.containsValue(item)).isTrue();
    }

    @Test
    void another_instance_with_the_same_identifier_is_not_the_managed_one() {
        managed.put("T-1", aggregate("T-1"));

        assertThat(managed.containsValue(aggregate("T-1"))).as("a rolled-back copy, say").isFalse();
    }

    @Test
    void a_removed_aggregate_is_no_longer_managed() {
        EventSourcedAggregate<Item> item = aggregate("T-1");
        managed.put("T-1", item);
        managed.remove("T-1");

        assertThat(managed.containsValue(item)).isFalse();
    }

    @Test
    void an_aggregate_under_another_key_is_still_found() {
        EventSourcedAggregate<Item> item = aggregate("T-1");
        managed.put("alias", item);

        assertThat(managed.containsValue(item)).isTrue();
    }

    private static EventSourcedAggregate<Item> aggregate(String id) {
        return EventSourcedAggregate.reconstruct(new Item(id), AnnotatedAggregateMetaModelFactory.inspectAggregate(Item.class),
                0L, false, SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
    }
}
