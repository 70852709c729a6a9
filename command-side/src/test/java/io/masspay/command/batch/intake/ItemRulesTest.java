package io.masspay.command.batch.intake;

import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.money.CurrencyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.masspay.command.batch.intake.AnItem.bankTransfer;
import static io.masspay.command.batch.intake.AnItem.check;
import static io.masspay.command.batch.intake.AnItem.giftCard;
import static io.masspay.command.batch.intake.AnItem.usAddress;
import static io.masspay.command.batch.intake.AnItem.usAddressWith;
import static io.masspay.command.batch.intake.FirstRejection.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The item rules chained as {@link BatchIntake} chains them: format and destination format first, then the
 * ownership rules on the well-formed items only. Each rule's own edges are in its own test ({@link
 * FormatRulesTest}, {@link DestinationFormatRulesTest}, {@link OwnershipRulesTest}); these rows break two rules
 * of different stages at once and check that the earlier stage names the item, and that a valid item of each
 * send method passes the whole chain.
 */
class ItemRulesTest {

    static Stream<Arguments> items() {
        return Stream.of(
                // a valid item of each send method passes every rule
                arguments("a bank transfer to the default account", bankTransfer(), null, null),
                arguments("an individual wallet", bankTransfer().method("XTR94502").destination("WalletId", "WAL-PAT"),
                        null, null),
                arguments("a company wallet", bankTransfer().recipient("ORG-1").method("XTR94504"), null, null),
                arguments("a virtual card issued new", bankTransfer().method("XTR94503"), null, null),
                arguments("push to the default card", bankTransfer().method("XTR94508"), null, null),
                arguments("a gift card", giftCard("pat@example.com", "AMZ-25"), null, null),
                arguments("a check to the address on file", check(null), null, null),
                arguments("a check to a named US address", check(usAddress()).recipient("ORG-1"), null, null),
                // the earlier stage names the item
                arguments("a JSON type error before an unknown recipient",
                        bankTransfer().typeErrorOn("Amount").recipient("PAT-404"), "Items[0].Amount", ErrorCode.INVALID_FIELD),
                arguments("a bad Amount before an unknown recipient", bankTransfer().amount("0").recipient("PAT-404"),
                        "Items[0].Amount", ErrorCode.INVALID_AMOUNT),
                arguments("a long Description before a malformed bank reference",
                        bankTransfer().description("d".repeat(1025)).destination("BeneficiaryBankID", "BA/1"),
                        "Items[0].Description", ErrorCode.INVALID_FIELD),
                arguments("a malformed bank reference before an unknown recipient",
                        bankTransfer().destination("BeneficiaryBankID", "BA/1").recipient("PAT-404"),
                        "Items[0].Destination.BeneficiaryBankID", ErrorCode.INVALID_FIELD),
                arguments("a gift card without Email before an unknown recipient",
                        giftCard(null, "AMZ-25").recipient("PAT-404"), "Items[0].Destination.Email", ErrorCode.MISSING_FIELD),
                arguments("a foreign check address before an unknown recipient",
                        check(usAddressWith("Country", "CA")).recipient("PAT-404"), "Items[0].Destination.Address.Country",
                        ErrorCode.COUNTRY_NOT_SUPPORTED),
                arguments("a missing SendMethodId never reaches the ownership rules", bankTransfer().method(null),
                        "Items[0].SendMethodId", ErrorCode.MISSING_FIELD),
                arguments("an unknown SendMethodId never reaches the ownership rules", bankTransfer().method("XTR94506"),
                        "Items[0].SendMethodId", ErrorCode.INVALID_SEND_METHOD),
                arguments("a well-formed item is then checked against the lookups", bankTransfer().recipient("PAT-404"),
                        "Items[0].RecipientId", ErrorCode.RECIPIENT_NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void shouldRejectAnItemByItsFirstBrokenRule(String edge, AnItem item, String field, ErrorCode code) {
        assertOutcome(edge, firstRejection(item.build()), field, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void shouldNameTheItemByItsCsvRowInAnUpload(String edge, AnItem item, String field, ErrorCode code) {
        ItemRequest json = item.build();
        ItemRequest row = new ItemRequest(json.index(), json.customerTransactionId(),
                json.customerTransactionIdGenerated(), json.recipientId(), json.sendMethodId(), json.amount(),
                json.description(), json.destination(), json.address(), json.shapeError(), ItemPaths.CSV);

        Optional<RejectedItem> rejection = firstRejection(row);

        // a JSON type error is the JSON reader's, which names it Items[i]; a CSV row has none
        String expected = field == null || json.shapeError() != null ? field : field.replace("Items[0].", "Row[1].");
        assertOutcome(edge, rejection, expected, code);
    }

    @Test
    void shouldJudgeEachItemAloneAndPassTheOthersOnInOrder() {
        List<ItemRequest> items = List.of(bankTransfer().at(0).customerTransactionId("TX-0").build(),
                bankTransfer().at(1).customerTransactionId("TX-1").recipient("PAT-404").build(),
                bankTransfer().at(2).customerTransactionId("TX-2").amount("0").build(),
                bankTransfer().at(3).customerTransactionId("TX-3").build());
        List<RejectedItem> rejected = new ArrayList<>();
        IntakeContext context = IssuerLookups.forBatchIn(CurrencyCode.USD);

        List<ItemRequest> wellFormed = BatchIntake.apply(FormatRules.withDestinations(), items, context, rejected);
        List<ItemRequest> valid = BatchIntake.apply(OwnershipRules.all(), wellFormed, context, rejected);

        assertThat(valid).extracting(ItemRequest::customerTransactionId).containsExactly("TX-0", "TX-3");
        // in stage order here; BatchIntake sorts the rejections by item afterwards (FieldOrderTest)
        assertThat(rejected).extracting(RejectedItem::customerTransactionId).containsExactlyInAnyOrder("TX-1", "TX-2");
    }

    /** The two stages of {@link BatchIntake}, on one item against {@link IssuerLookups}. */
    private static Optional<RejectedItem> firstRejection(ItemRequest item) {
        IntakeContext context = IssuerLookups.forBatchIn(CurrencyCode.USD);
        List<RejectedItem> rejected = new ArrayList<>();
        List<ItemRequest> wellFormed = BatchIntake.apply(FormatRules.withDestinations(), List.of(item), context, rejected);
        BatchIntake.apply(OwnershipRules.all(), wellFormed, context, rejected);
        assertThat(rejected).as("one rejection at most per item").hasSizeLessThanOrEqualTo(1);
        return rejected.stream().findFirst();
    }
}
