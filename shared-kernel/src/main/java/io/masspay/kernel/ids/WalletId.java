package io.masspay.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

public record WalletId(@JsonValue String value) {

    public WalletId {
        Objects.requireNonNull(value, "WalletId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WalletId of(String value) {
        return new WalletId(value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
