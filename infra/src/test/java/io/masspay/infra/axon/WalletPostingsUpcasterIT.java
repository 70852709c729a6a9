package io.masspay.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.Credit;
import io.masspay.kernel.wallet.Debit;
import io.masspay.kernel.wallet.IssuerDebited;
import io.masspay.kernel.wallet.WalletCredited;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before ADR 0012 holds wallet postings of one item each (revision 1). The application's
 * own event store reads them as chunks of one line, so wallets, replays and rebuilt read models see one
 * shape of event whatever release wrote it.
 */
@MassPayIntegrationTest
class WalletPostingsUpcasterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Money TEN = Money.of("10.00", CurrencyCode.USD);

    @Autowired
    EventStore events;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldReadARevisionOnePostingAsAChunkOfOneLine() throws Exception {
        WalletId wallet = new WalletId("WAL-" + UUID.randomUUID());
        TransactionId debitedFor = new TransactionId("tx_old_debit");
        TransactionId creditedFor = new TransactionId("tx_old_credit");
        storeRevisionOne(wallet, 0, IssuerDebited.class, new Debit(debitedFor, 1, TEN));
        storeRevisionOne(wallet, 1, WalletCredited.class, new Credit(creditedFor, 2, TEN));

        List<Object> read = events.readEvents(wallet.value()).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();

        assertThat(read).containsExactly(
                new IssuerDebited(wallet, List.of(new Debit(debitedFor, 1, TEN))),
                new WalletCredited(wallet, List.of(new Credit(creditedFor, 2, TEN))));
    }

    /** The revision 1 payload: the wallet, then the fields of its one line, side by side. */
    private void storeRevisionOne(WalletId wallet, long sequence, Class<?> type, Object line) throws Exception {
        ObjectNode payload = JSON.createObjectNode();
        payload.set("walletId", JSON.readTree(serializer.serialize(wallet, String.class).getData()));
        payload.setAll((ObjectNode) JSON.readTree(serializer.serialize(line, String.class).getData()));
        jdbc.update("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (?, ?, 'Wallet', ?, ?, ?, '1', ?, ?)""",
                wallet.value(), sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsBytes(payload), type.getName(), Instant.now().toString());
    }
}
