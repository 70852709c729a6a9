package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An item's Destination: its string fields, the string fields of its Address ({@code null} when absent),
 * and the problems met, Destination's before Address's. Other nested objects are ignored, as unknown
 * fields are.
 */
record DestinationRequest(Map<String, String> fields, Map<String, String> address, List<FieldError> errors) {

    static DestinationRequest read(JsonParser parser, JsonToken value, String path) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            errors.add(new FieldError(path, ErrorCode.INVALID_FIELD, "Destination must be a JSON object"));
            return new DestinationRequest(Map.of(), null, errors);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> address = null;
        List<FieldError> addressErrors = new ArrayList<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            if (name.equals("Address")) {
                addressErrors.clear();
                address = null;
                if (field == JsonToken.START_OBJECT) {
                    address = strings(parser, path + ".Address", addressErrors);
                    continue;
                }
                if (field != JsonToken.VALUE_NULL) {
                    address = Map.of();
                    addressErrors.add(new FieldError(path + ".Address", ErrorCode.INVALID_FIELD,
                            "Address must be a JSON object"));
                }
            }
            stringField(parser, field, name, path, fields, errors);
        }
        errors.addAll(addressErrors);
        return new DestinationRequest(fields, address, errors);
    }

    /** The string fields of an object the parser stands on (its START_OBJECT); nested objects are skipped. */
    private static Map<String, String> strings(JsonParser parser, String path, List<FieldError> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            stringField(parser, parser.nextToken(), name, path, fields, errors);
        }
        return fields;
    }

    private static void stringField(JsonParser parser, JsonToken value, String name, String path,
                                    Map<String, String> fields, List<FieldError> errors) {
        if (value == JsonToken.VALUE_STRING) {
            fields.put(name, parser.getString());
            return;
        }
        parser.skipChildren();
        if (value != JsonToken.VALUE_NULL && value != JsonToken.START_OBJECT) {
            errors.add(new FieldError(path + "." + name, ErrorCode.INVALID_FIELD, name + " must be a string"));
        }
    }
}
