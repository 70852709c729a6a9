package io.masspay.command.batch.intake;

import io.masspay.kernel.error.FieldError;

import java.util.Map;

/**
 * One item as the client sent it, before any rule ran. {@code shapeError} holds the first JSON-type
 * problem the reader met (a number where a decimal string belongs, say); {@code null} when none.
 */
public record ItemRequest(int index, String customerTransactionId, boolean customerTransactionIdGenerated,
                          String recipientId, String sendMethodId, String amount, String description,
                          Map<String, String> destination, FieldError shapeError) {

    public String path(String field) {
        return "Items[" + index + "]." + field;
    }
}
