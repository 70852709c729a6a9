package io.masspay.infra.projections;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code token_entry} row's token as Axon's JDBC token store wrote it: serialized by the application's
 * general serializer, its class in {@code token_type}. The rebuild, the read models' positions and the projections'
 * progress read token rows directly (one query for every processor), so they share this one decoding.
 */
@Component
class StoredTokens {

    private final Serializer serializer;

    StoredTokens(Serializer serializer) {
        this.serializer = serializer;
    }

    /** Null for a segment that has no token yet (its processor never ran it). */
    TrackingToken read(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                new SimpleSerializedType(type, null)));
    }
}
