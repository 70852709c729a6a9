package io.masspay.rails.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.masspay.rails.RailReply;

import java.util.Optional;

/** The provider's answer body; providers add fields over time, so only {@code Status} is read. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProviderAnswer(@JsonProperty("Status") String status) {

    /** Empty for a status this connector does not know: no answer about the payout. */
    Optional<RailReply.Kind> kind() {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status) {
            case "Paid" -> Optional.of(RailReply.Kind.Paid);
            case "Declined" -> Optional.of(RailReply.Kind.Declined);
            case "DestinationClosed" -> Optional.of(RailReply.Kind.DestinationClosed);
            case "Pending" -> Optional.of(RailReply.Kind.Pending);
            default -> Optional.empty();
        };
    }
}
