package io.masspay.command.batch.intake;

import io.masspay.kernel.error.FieldError;

import java.util.Map;

/**
 * One item as the client sent it, before any rule ran. {@code destination} holds the Destination's
 * string fields ({@code null} when Destination is absent); {@code address} the fields of
 * Destination.Address ({@code null} when absent). {@code shapeError} is the first JSON-type problem the
 * reader met (a number where a decimal string belongs, say), {@code null} when none. {@code paths} says
 * how rejections name the item: {@code Items[i]} of a JSON body or {@code Row[n]} of a CSV upload.
 */
public record ItemRequest(int index, String customerTransactionId, boolean customerTransactionIdGenerated,
                          String recipientId, String sendMethodId, String amount, String description,
                          Map<String, String> destination, Map<String, String> address, FieldError shapeError,
                          ItemPaths paths) {

    /** An item of a JSON body. */
    public ItemRequest(int index, String customerTransactionId, boolean customerTransactionIdGenerated,
                       String recipientId, String sendMethodId, String amount, String description,
                       Map<String, String> destination, Map<String, String> address, FieldError shapeError) {
        this(index, customerTransactionId, customerTransactionIdGenerated, recipientId, sendMethodId, amount,
                description, destination, address, shapeError, ItemPaths.JSON);
    }

    public String path(String field) {
        return paths.item(index) + "." + field;
    }
}
