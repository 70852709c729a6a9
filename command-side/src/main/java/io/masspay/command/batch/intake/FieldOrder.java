package io.masspay.command.batch.intake;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders rejection paths by item index, so the answer lists items in request order. */
public final class FieldOrder {

    /** {@code Items[i]} of a JSON body, {@code Row[n]} of a CSV upload (see {@link ItemPaths}). */
    private static final Pattern INDEX = Pattern.compile("^(?:Items|Row)\\[(\\d+)]");

    public static final Comparator<String> BY_ITEM_INDEX = Comparator.comparingInt(FieldOrder::index);

    private FieldOrder() {
    }

    private static int index(String field) {
        Matcher m = INDEX.matcher(field);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
