package io.masspay.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

public record RecipientId(@JsonValue String value) {

    public RecipientId {
        Objects.requireNonNull(value, "RecipientId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RecipientId of(String value) {
        return new RecipientId(value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
