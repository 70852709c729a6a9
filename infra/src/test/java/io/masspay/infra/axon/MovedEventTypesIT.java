package io.masspay.infra.axon;

import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.kernel.transaction.PayoutFailed;
import io.masspay.kernel.wallet.PayoutRefused;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before the kernel was regrouped (ADR 0022) names events by their old packages. The
 * application's upcaster chain (the one its event store reads through) makes them today's classes, and a revision 1 {@code PayoutFailed} under its
 * old name is also brought to revision 2, so an old store replays whole.
 */
@MassPayIntegrationTest
class MovedEventTypesIT {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    Configuration axon;

    @Test
    void shouldReadEventsStoredUnderTheirOldPackageNames() {
        TransactionId tx = new TransactionId("tx_" + UUID.randomUUID());
        ItemSucceeded succeeded = new ItemSucceeded(tx, new BatchId("bt_moved"), 1);
        PayoutRefused refused = new PayoutRefused(new WalletId("WAL-moved"), tx, 3, Money.of("1.00", CurrencyCode.USD));
        List<DomainEventData<?>> stored = List.of(
                stored(tx, 0, "io.masspay.kernel.transaction.ItemSucceeded", "1", serialized(succeeded)),
                stored(tx, 1, "io.masspay.kernel.transaction.PayoutFailed", "1",
                        "{\"transactionId\":\"" + tx.value() + "\",\"attemptNo\":2,\"reason\":\"PROVIDER_UNAVAILABLE\"}"),
                stored(tx, 2, "io.masspay.kernel.wallet.PayoutRefused", "1", serialized(refused)));

        List<Object> read = EventStreamUtils.upcastAndDeserializeDomainEvents(stored.stream(), serializer,
                        axon.upcasterChain()).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                .toList();

        assertThat(read).containsExactly(succeeded,
                new PayoutFailed(tx, 2, ErrorCode.PROVIDER_UNAVAILABLE, null, null, null, false), refused);
    }

    @Test
    void shouldLeaveTodaysAndUnrelatedNamesAlone() {
        assertThat(MovedEventTypes.current(ItemSucceeded.class.getName())).isEqualTo(ItemSucceeded.class.getName());
        assertThat(MovedEventTypes.current("io.masspay.kernel.batch.BatchCompleted"))
                .isEqualTo("io.masspay.kernel.batch.BatchCompleted");
        assertThat(MovedEventTypes.current("io.masspay.kernel.transaction.RetainedInWallet"))
                .isEqualTo("io.masspay.kernel.transaction.RetainedInWallet");
    }

    private String serialized(Object event) {
        return serializer.serialize(event, String.class).getData();
    }

    /** A row of the event store as the application's store reads it (it never reaches the store here). */
    private static DomainEventData<?> stored(TransactionId tx, long sequence, String type, String revision,
                                             String payload) {
        return new GenericDomainEventEntry<>("Transaction", tx.value(), sequence, UUID.randomUUID().toString(),
                Instant.now(), type, revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
