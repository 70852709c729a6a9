package io.masspay.command.batch.intake;

import io.masspay.kernel.error.FieldError;

import java.util.Map;

/**
 * One item as the client sent it, before any rule ran. {@code destination} holds the Destination's
 * string fields ({@code null} when Destination is absent); {@code address} the fields of
 * Destination.Address ({@code null} when absent). {@code shapeError} is the first JSON-type problem the
 * reader met (a number where a decimal string belongs, say), {@code null} when none.
 */
public record ItemRequest(int index, String customerTransactionId, boolean customerTransactionIdGenerated,
                          String recipientId, String sendMethodId, String amount, String description,
                          Map<String, String> destination, Map<String, String> address, FieldError shapeError) {

    public String path(String field) {
        return "Items[" + index + "]." + field;
    }
}
