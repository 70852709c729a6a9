package io.masspay.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

public record BatchId(@JsonValue String value) {

    public BatchId {
        Objects.requireNonNull(value, "BatchId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BatchId of(String value) {
        return new BatchId(value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
