package io.masspay.infra.axon;

import io.masspay.command.walletfirst.HeldItems;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.transaction.ItemSubmitted;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * {@link HeldItems} from the event store: the first event of every Transaction the batch claimed, in one statement
 * (the store's unique index on aggregate and sequence), deserialized by the event serializer as Axon would.
 * {@code ItemSubmitted} has had no upcaster; a field added later reads as null, as it does through Axon.
 */
@Component
class StoredSubmissions implements HeldItems {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    StoredSubmissions(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public List<ItemSubmitted> of(BatchId batchId) {
        return jdbc.query("""
                        select e.payload, e.payload_type, e.payload_revision from domain_event_entry e
                        join transaction_claim c on c.transaction_id = e.aggregate_identifier
                        where c.batch_id = ? and e.sequence_number = 0""",
                        (rs, i) -> (ItemSubmitted) serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(1),
                                byte[].class, new SimpleSerializedType(MovedEventTypes.current(rs.getString(2)), rs.getString(3)))),
                        batchId.value())
                .stream().sorted(Comparator.comparingInt(ItemSubmitted::position)).toList();
    }
}
