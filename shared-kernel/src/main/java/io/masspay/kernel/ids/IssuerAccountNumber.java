package io.masspay.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

public record IssuerAccountNumber(@JsonValue String value) {

    public IssuerAccountNumber {
        Objects.requireNonNull(value, "IssuerAccountNumber");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IssuerAccountNumber of(String value) {
        return new IssuerAccountNumber(value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
