package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test item: a valid bank transfer to PAT-1's default account, changed one field at a time, so each row
 * of a rule table says only what makes it an edge.
 */
final class AnItem {

    private int index = 0;
    private String customerTransactionId = "TX-1";
    private boolean generated = false;
    private String recipientId = "PAT-1";
    private String sendMethodId = "XTR94500";
    private String amount = "10.00";
    private String description = null;
    private Map<String, String> destination = new LinkedHashMap<>();
    private Map<String, String> address = null;
    private FieldError shapeError = null;
    private ItemPaths paths = ItemPaths.JSON;

    private AnItem() {
    }

    static AnItem bankTransfer() {
        return new AnItem();
    }

    static AnItem giftCard(String email, String sku) {
        return bankTransfer().method("XTR94505").destination("Email", email).destination("SKU", sku);
    }

    /** A physical check to {@code address}; {@code null}: to the recipient's address on file. */
    static AnItem check(Map<String, String> address) {
        return bankTransfer().method("XTR94507").address(address);
    }

    /** A check address with every required field. */
    static Map<String, String> usAddress() {
        Map<String, String> address = new LinkedHashMap<>();
        address.put("Line1", "1 Main St");
        address.put("City", "Springfield");
        address.put("PostalCode", "62701");
        address.put("Country", "US");
        return address;
    }

    /** {@link #usAddress()} with fields changed: name, value, name, value...; a {@code null} value removes it. */
    static Map<String, String> usAddressWith(String... namesAndValues) {
        Map<String, String> address = usAddress();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            address.put(namesAndValues[i], namesAndValues[i + 1]);
            if (namesAndValues[i + 1] == null) {
                address.remove(namesAndValues[i]);
            }
        }
        return address;
    }

    AnItem at(int index) {
        this.index = index;
        return this;
    }

    AnItem customerTransactionId(String id) {
        this.customerTransactionId = id;
        return this;
    }

    /** An id the service generated because the client sent none. */
    AnItem generatedCustomerTransactionId(String id) {
        this.customerTransactionId = id;
        this.generated = true;
        return this;
    }

    AnItem recipient(String id) {
        this.recipientId = id;
        return this;
    }

    AnItem method(String id) {
        this.sendMethodId = id;
        return this;
    }

    AnItem amount(String amount) {
        this.amount = amount;
        return this;
    }

    AnItem description(String description) {
        this.description = description;
        return this;
    }

    /** Adds a Destination field; {@code null} leaves it absent. */
    AnItem destination(String field, String value) {
        if (value != null) {
            destination.put(field, value);
        }
        return this;
    }

    AnItem address(Map<String, String> address) {
        this.address = address == null ? null : new LinkedHashMap<>(address);
        return this;
    }

    AnItem noDestination() {
        this.destination = null;
        return this;
    }

    /** A JSON type error the reader met on {@code field}. */
    AnItem typeErrorOn(String field) {
        this.shapeError = new FieldError(ItemPaths.JSON.item(index) + "." + field, ErrorCode.INVALID_FIELD,
                field + " must be a string");
        return this;
    }

    AnItem inCsv() {
        this.paths = ItemPaths.CSV;
        return this;
    }

    ItemRequest build() {
        return new ItemRequest(index, customerTransactionId, generated, recipientId, sendMethodId, amount, description,
                destination == null ? null : Map.copyOf(destination), address == null ? null : Map.copyOf(address),
                shapeError, paths);
    }
}
