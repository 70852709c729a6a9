package io.masspay.infra.axon;

import io.masspay.infra.db.BinaryCopyRows;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * The rows of one append in PostgreSQL's binary {@code COPY} format, the columns Axon's JDBC engine inserts, with
 * the same values (the event as a domain event, its timestamp as Axon formats it, payload and metadata as
 * bytes). A 5,000-event submission inserted through a batched {@code INSERT} spent about 240 ms in PostgreSQL,
 * 170 of them binding the 40,000 parameters of the multi-row statement the driver rewrites it into; one
 * {@code COPY} of the same rows takes a fraction of that (ADR 0025). Unique keys and triggers apply as for an
 * insert, so a concurrent append still fails with a duplicate key.
 */
final class EventRowsCopy {

    /**
     * Events in a piece of the COPY data. A 5,000-event append is sent in 21 pieces, each serialized on the
     * common pool while PostgreSQL inserts the pieces before it (ADR 0030); a smaller append is one piece,
     * serialized by the caller.
     */
    static final int PIECE = 250;
    private static final short COLUMNS = 9;

    private EventRowsCopy() {
    }

    static String statement(EventSchema schema) {
        return "copy " + schema.domainEventTable() + " (" + String.join(", ", schema.eventIdentifierColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.typeColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn()) + ") from stdin (format binary)";
    }

    /**
     * The COPY data of these events, in pieces to send in this order: the first starts with the header, the last
     * ends with the trailer. The pieces of a large append are serialized from now on, one after the other, by the
     * common pool (its own executor: on 2 cores {@code CompletableFuture} would start a thread per piece).
     */
    static List<CompletableFuture<byte[]>> pieces(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.size() <= PIECE) {
            return List.of(CompletableFuture.completedFuture(rows(events, serializer, true, true)));
        }
        List<CompletableFuture<byte[]>> pieces = new ArrayList<>();
        for (int from = 0; from < events.size(); from += PIECE) {
            List<? extends EventMessage<?>> piece = events.subList(from, Math.min(events.size(), from + PIECE));
            boolean first = from == 0;
            boolean last = from + PIECE >= events.size();
            pieces.add(CompletableFuture.supplyAsync(() -> rows(piece, serializer, first, last),
                    ForkJoinPool.commonPool()));
        }
        return pieces;
    }

    private static byte[] rows(List<? extends EventMessage<?>> events, Serializer serializer, boolean first,
                               boolean last) {
        int expectedBytes = events.size() * 640;
        BinaryCopyRows rows = first ? new BinaryCopyRows(expectedBytes) : BinaryCopyRows.following(expectedBytes);
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> message = EventUtils.asDomainEventMessage(event);
            SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
            rows.row(COLUMNS)
                    .text(message.getIdentifier())
                    .text(message.getAggregateIdentifier())
                    .int8(message.getSequenceNumber())
                    .text(message.getType())
                    .text(DateTimeUtils.formatInstant(message.getTimestamp()))
                    .text(payload.getType().getName())
                    .text(payload.getType().getRevision())
                    .bytes(payload.getData())
                    .bytes(message.serializeMetaData(serializer, byte[].class).getData());
        }
        return last ? rows.finish() : rows.unfinished();
    }
}
