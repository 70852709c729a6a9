package io.masspay.cli.text;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the contract's PascalCase fields leniently: a missing or null field prints as nothing. */
public final class Json {

    private Json() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    public static long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? 0 : value.asLong();
    }
}
