package io.masspay.command.directory;

import java.util.LinkedHashMap;
import java.util.Map;

/** A postal address, as recipients register it and as physical checks are mailed to it. */
public record PostalAddress(String line1, String line2, String city, String state, String postalCode,
                            String country) {

    /** An address as a request's Destination.Address names it ({@code Line1}, {@code City}, ...). */
    public static PostalAddress fromRequest(Map<String, String> fields) {
        return new PostalAddress(fields.get("Line1"), fields.get("Line2"), fields.get("City"), fields.get("State"),
                fields.get("PostalCode"), fields.get("Country"));
    }

    /** The address as Destination fields ({@code Address.Line1}, ...), the shape rails receive. */
    public Map<String, String> asDestination() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "Address.Line1", line1);
        put(fields, "Address.Line2", line2);
        put(fields, "Address.City", city);
        put(fields, "Address.State", state);
        put(fields, "Address.PostalCode", postalCode);
        put(fields, "Address.Country", country);
        return fields;
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
