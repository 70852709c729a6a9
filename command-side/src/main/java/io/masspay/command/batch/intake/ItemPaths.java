package io.masspay.command.batch.intake;

/**
 * How a rejection's {@code Field} points at an item, in the terms of the body the client sent: a JSON
 * submission names {@code Items[i]} (0-based, as in the array), a CSV upload names {@code Row[n]}, the
 * n-th data row counted from 1 (the header row is not counted), so {@code Row[n]} is {@code Items[n-1]}.
 */
public enum ItemPaths {
    JSON("Items", 0, "Items"),
    CSV("Row", 1, "Rows");

    private final String name;
    private final int firstIndex;
    private final String collection;

    ItemPaths(String name, int firstIndex, String collection) {
        this.name = name;
        this.firstIndex = firstIndex;
        this.collection = collection;
    }

    /** The pointer to the item at {@code index} (0-based position in the request). */
    public String item(int index) {
        return name + "[" + (index + firstIndex) + "]";
    }

    /** The field that names the items as a whole ({@code Items} of a JSON body, the data {@code Rows} of a CSV). */
    public String collection() {
        return collection;
    }
}
