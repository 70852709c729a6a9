package io.masspay.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

public record TransactionId(@JsonValue String value) {

    public TransactionId {
        Objects.requireNonNull(value, "TransactionId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TransactionId of(String value) {
        return new TransactionId(value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
