package io.masspay.command.batch.intake;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link FieldOrder}: rejections sorted by item index as a number (Items[10] after Items[2]), for JSON items
 * and CSV rows alike; fields that name no item come first; rejections of one item keep their order.
 */
class FieldOrderTest {

    static Stream<Arguments> fields() {
        return Stream.of(
                arguments("indexes compare as numbers, not text",
                        List.of("Items[10].Amount", "Items[2].Amount", "Items[1].Amount"),
                        List.of("Items[1].Amount", "Items[2].Amount", "Items[10].Amount")),
                arguments("CSV rows compare as numbers too",
                        List.of("Row[12].Amount", "Row[3].RecipientId"),
                        List.of("Row[3].RecipientId", "Row[12].Amount")),
                arguments("a field naming no item comes before every item",
                        List.of("Items[0].Amount", "SourceWalletId"),
                        List.of("SourceWalletId", "Items[0].Amount")),
                arguments("an index that is not at the start names no item",
                        List.of("Items[0].Amount", "Destination.Items[5]"),
                        List.of("Destination.Items[5]", "Items[0].Amount")),
                arguments("one item's rejections keep their order",
                        List.of("Items[2].Destination", "Items[1].Amount", "Items[2].Amount"),
                        List.of("Items[1].Amount", "Items[2].Destination", "Items[2].Amount")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void shouldListRejectionsInRequestOrder(String edge, List<String> fields, List<String> ordered) {
        List<String> sorted = new ArrayList<>(fields);

        sorted.sort(FieldOrder.BY_ITEM_INDEX);

        assertThat(sorted).as(edge).containsExactlyElementsOf(ordered);
    }
}
