package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.ids.ServerIds;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON tree of a submission into a {@link BatchRequest}, noting every value of the wrong
 * JSON type with its path instead of failing on the first. Unknown fields are ignored (API.md).
 */
public final class BatchRequestReader {

    private BatchRequestReader() {
    }

    public static BatchRequest read(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        if (!root.isObject()) {
            errors.add(new FieldError("$", ErrorCode.INVALID_FIELD, "The body must be a JSON object"));
            return new BatchRequest(null, null, null, List.of(), errors);
        }
        String issuer = text(root, "IssuerAccountNumber", "IssuerAccountNumber", errors);
        String wallet = text(root, "SourceWalletId", "SourceWalletId", errors);
        String customerBatchId = text(root, "CustomerBatchId", "CustomerBatchId", errors);
        List<ItemRequest> items = new ArrayList<>();
        JsonNode array = root.get("Items");
        if (array == null || array.isNull()) {
            errors.add(new FieldError("Items", ErrorCode.MISSING_FIELD, "Items is required"));
        } else if (!array.isArray()) {
            errors.add(new FieldError("Items", ErrorCode.INVALID_FIELD, "Items must be an array"));
        } else {
            for (int i = 0; i < array.size(); i++) {
                items.add(item(i, array.get(i)));
            }
        }
        return new BatchRequest(issuer, wallet, customerBatchId, items, errors);
    }

    /** A cash-out body ({@code SendMethodId}, {@code Amount}, {@code Destination}) read as one item. */
    public static ItemRequest readCashout(JsonNode root, String recipientId) {
        ItemRequest item = item(0, root);
        return new ItemRequest(0, item.customerTransactionId(), true, recipientId, item.sendMethodId(), item.amount(),
                null, item.destination() == null ? java.util.Map.of() : item.destination(), item.address(),
                item.shapeError());
    }

    private static ItemRequest item(int index, JsonNode node) {
        String path = "Items[" + index + "]";
        List<FieldError> errors = new ArrayList<>();
        if (!node.isObject()) {
            return new ItemRequest(index, ServerIds.random("ct_"), true, null, null, null, null, null, null,
                    new FieldError(path, ErrorCode.INVALID_FIELD, "An item must be a JSON object"));
        }
        String customerId = text(node, "CustomerTransactionId", path + ".CustomerTransactionId", errors);
        String recipient = text(node, "RecipientId", path + ".RecipientId", errors);
        String method = text(node, "SendMethodId", path + ".SendMethodId", errors);
        String description = text(node, "Description", path + ".Description", errors);
        String amount = null;
        JsonNode amountNode = node.get("Amount");
        if (amountNode != null && !amountNode.isNull()) {
            if (amountNode.isString()) {
                amount = amountNode.stringValue();
            } else {
                errors.add(0, new FieldError(path + ".Amount", ErrorCode.INVALID_AMOUNT,
                        "Amount must be a decimal string such as \"150.00\", not a JSON " + amountNode.getNodeType()));
            }
        }
        JsonNode destinationNode = node.get("Destination");
        Map<String, String> destination = strings(destinationNode, path + ".Destination", errors);
        Map<String, String> address = destination == null ? null
                : strings(destinationNode.get("Address"), path + ".Destination.Address", errors);
        boolean generated = customerId == null;
        return new ItemRequest(index, generated ? ServerIds.random("ct_") : customerId, generated, recipient, method,
                amount, description, destination, address, errors.isEmpty() ? null : errors.get(0));
    }

    /** The string fields of an object; nested objects are read separately (Destination.Address). */
    private static Map<String, String> strings(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(path, ErrorCode.INVALID_FIELD, path.substring(path.lastIndexOf('.') + 1)
                    + " must be a JSON object"));
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isString()) {
                fields.put(field.getKey(), value.stringValue());
            } else if (!value.isNull() && !value.isObject()) {
                errors.add(new FieldError(path + "." + field.getKey(), ErrorCode.INVALID_FIELD,
                        field.getKey() + " must be a string"));
            }
        }
        return fields;
    }

    private static String text(JsonNode parent, String name, String path, List<FieldError> errors) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(path, ErrorCode.INVALID_FIELD, name + " must be a string"));
            return null;
        }
        return value.stringValue();
    }
}
