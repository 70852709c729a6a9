package io.masspay.rails.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.masspay.rails.PayoutOrder;

import java.util.Map;

/** The body of {@code POST /payouts}; the amount is a decimal string in the currency's scale, never a float. */
@JsonPropertyOrder({"TransactionId", "AttemptNo", "SendMethodId", "Amount", "Currency", "Destination"})
record ProviderPayout(@JsonProperty("TransactionId") String transactionId,
                      @JsonProperty("AttemptNo") int attemptNo,
                      @JsonProperty("SendMethodId") String sendMethodId,
                      @JsonProperty("Amount") String amount,
                      @JsonProperty("Currency") String currency,
                      @JsonProperty("Destination") Map<String, String> destination) {

    static ProviderPayout of(PayoutOrder order) {
        return new ProviderPayout(order.transactionId().value(), order.attemptNo(), order.method().id(),
                order.amount().toDecimalString(), order.amount().currency().name(), order.destination());
    }
}
