package io.masspay.rails.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.masspay.kernel.payout.RailOutcome;

import java.util.Optional;

/** The provider's answer body; providers add fields over time, so only {@code Status} is read. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProviderAnswer(@JsonProperty("Status") String status) {

    /** Empty for a status this connector does not know (e.g. still in progress): not a final answer. */
    Optional<RailOutcome> outcome() {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status) {
            case "Paid" -> Optional.of(RailOutcome.Paid);
            case "Declined" -> Optional.of(RailOutcome.Declined);
            case "DestinationClosed" -> Optional.of(RailOutcome.DestinationClosed);
            default -> Optional.empty();
        };
    }
}
