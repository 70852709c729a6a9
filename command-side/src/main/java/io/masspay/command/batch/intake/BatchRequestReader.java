package io.masspay.command.batch.intake;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.ids.ServerIds;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a submission from the JSON token stream into a {@link BatchRequest}, noting every value of the wrong
 * JSON type with its path instead of failing on the first. Unknown fields are ignored (API.md) and skipped
 * without being built. Work and memory are bounded by what is kept, not by the body: no tree of the body is
 * ever built, at most {@code maxItems} items are read (the rest of the array is only counted, token by token,
 * so the answer can say how many there were), and an unknown field is skipped, whatever it holds (ADR 0015).
 * Up to {@value IssuerDirectory#HARD_MAX_ITEMS_PER_BATCH} items the whole body is read, so a syntax error
 * anywhere answers MALFORMED_JSON as before (the parser's own exception tells where); past that the body is too
 * large whatever else it holds, and reading stops.
 */
public final class BatchRequestReader {

    private static final String ITEMS = "Items";
    /** Past this many items no issuer's batch can be accepted, and counting further tells nothing. */
    private static final int STOP_AFTER = IssuerDirectory.HARD_MAX_ITEMS_PER_BATCH;

    private BatchRequestReader() {
    }

    /**
     * The parser stands on the body's first token, and is left on its last, unless the body holds more items
     * than any issuer may send ({@link IssuerDirectory#HARD_MAX_ITEMS_PER_BATCH}): then reading stops at the
     * first item past that, and the request says it was cut short.
     */
    public static BatchRequest read(JsonParser parser, int maxItems) {
        List<FieldError> errors = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            errors.add(new FieldError("$", ErrorCode.INVALID_FIELD, "The body must be a JSON object"));
            return new BatchRequest(null, null, null, List.of(), errors);
        }
        Map<String, String> envelope = new LinkedHashMap<>();
        Map<String, FieldError> envelopeErrors = new LinkedHashMap<>();
        List<ItemRequest> items = new ArrayList<>();
        int count = 0;
        FieldError itemsError = new FieldError(ITEMS, ErrorCode.MISSING_FIELD, "Items is required");
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "IssuerAccountNumber", "SourceWalletId", "CustomerBatchId", "ScheduledFor" -> {
                    envelopeErrors.remove(name);
                    envelope.put(name, text(parser, value, name, name, envelopeErrors));
                }
                case ITEMS -> {
                    items.clear();
                    count = 0;
                    itemsError = null;
                    if (value == JsonToken.VALUE_NULL) {
                        itemsError = new FieldError(ITEMS, ErrorCode.MISSING_FIELD, "Items is required");
                    } else if (value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        itemsError = new FieldError(ITEMS, ErrorCode.INVALID_FIELD, "Items must be an array");
                    } else {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (count == STOP_AFTER) {
                                return new BatchRequest(envelope.get("IssuerAccountNumber"),
                                        envelope.get("SourceWalletId"), envelope.get("CustomerBatchId"), List.of(),
                                        errors, ItemPaths.JSON, count + 1, true);
                            }
                            if (count < maxItems) {
                                items.add(item(count, parser));
                            } else {
                                parser.skipChildren(); // over the limit: counted, never built
                            }
                            count++;
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        errors.addAll(envelopeErrors.values().stream().sorted(BatchRequestReader::envelopeOrder).toList());
        if (itemsError != null) {
            errors.add(itemsError);
        }
        return new BatchRequest(envelope.get("IssuerAccountNumber"), envelope.get("SourceWalletId"),
                envelope.get("CustomerBatchId"), items, errors, ItemPaths.JSON, count, false,
                envelope.get("ScheduledFor"));
    }

    /** The envelope's errors in the order of API.md's fields, whatever order the body had. */
    private static int envelopeOrder(FieldError a, FieldError b) {
        List<String> order = List.of("IssuerAccountNumber", "SourceWalletId", "CustomerBatchId", "ScheduledFor");
        return Integer.compare(order.indexOf(a.field()), order.indexOf(b.field()));
    }

    /**
     * A cash-out body ({@code SendMethodId}, {@code Amount}, {@code Destination}) read as one item; the parser
     * stands before or on the body's first token.
     */
    public static ItemRequest readCashout(JsonParser parser, String recipientId) {
        if (!parser.hasCurrentToken()) {
            parser.nextToken();
        }
        ItemRequest item = item(0, parser);
        return new ItemRequest(0, item.customerTransactionId(), true, recipientId, item.sendMethodId(), item.amount(),
                null, item.destination() == null ? Map.of() : item.destination(), item.address(),
                item.shapeError());
    }

    /**
     * One item; the parser stands on its first token and is left on its last. Of the problems found, the
     * first in this order is kept: Amount, then the text fields in API.md's order, then Destination's fields,
     * then the address's.
     */
    private static ItemRequest item(int index, JsonParser parser) {
        String path = "Items[" + index + "]";
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new ItemRequest(index, ServerIds.newId("ct_"), true, null, null, null, null, null, null,
                    new FieldError(path, ErrorCode.INVALID_FIELD, "An item must be a JSON object"));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, FieldError> textErrors = new LinkedHashMap<>();
        FieldError amountError = null;
        String amount = null;
        DestinationRequest destination = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "CustomerTransactionId", "RecipientId", "SendMethodId", "Description" -> {
                    textErrors.remove(name);
                    texts.put(name, text(parser, value, name, path + "." + name, textErrors));
                }
                case "Amount" -> {
                    amount = null;
                    amountError = null;
                    if (value == JsonToken.VALUE_STRING) {
                        amount = parser.getString();
                    } else if (value != JsonToken.VALUE_NULL) {
                        amountError = new FieldError(path + ".Amount", ErrorCode.INVALID_AMOUNT,
                                "Amount must be a decimal string such as \"150.00\", not a JSON " + nodeType(value));
                        parser.skipChildren();
                    }
                }
                case "Destination" -> destination = DestinationRequest.read(parser, value, path + ".Destination");
                default -> parser.skipChildren();
            }
        }
        FieldError first = amountError;
        for (String field : List.of("CustomerTransactionId", "RecipientId", "SendMethodId", "Description")) {
            if (first == null) {
                first = textErrors.get(field);
            }
        }
        if (first == null && destination != null && !destination.errors().isEmpty()) {
            first = destination.errors().get(0);
        }
        String customerId = texts.get("CustomerTransactionId");
        boolean generated = customerId == null;
        return new ItemRequest(index, generated ? ServerIds.newId("ct_") : customerId, generated,
                texts.get("RecipientId"), texts.get("SendMethodId"), amount, texts.get("Description"),
                destination == null ? null : destination.fields(), destination == null ? null : destination.address(),
                first);
    }

    /** The name JSON gives the type of the value starting at {@code token} (as a tree's node type would). */
    private static String nodeType(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "OBJECT";
            case START_ARRAY -> "ARRAY";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
            default -> "STRING";
        };
    }

    /** A string field, or {@code null} (absent or JSON null); any other value is skipped and noted. */
    private static String text(JsonParser parser, JsonToken value, String name, String path,
                               Map<String, FieldError> errors) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (value != JsonToken.VALUE_NULL) {
            parser.skipChildren();
            errors.put(name, new FieldError(path, ErrorCode.INVALID_FIELD, name + " must be a string"));
        }
        return null;
    }
}
