package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.money.CurrencyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.masspay.command.batch.intake.FirstRejection.assertOutcome;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link FormatRules}: what an item must look like on its own (API.md section 2): required versus malformed
 * fields, client-id shapes at 64 and 65 characters, the Amount's sign, scale per currency, ceiling and
 * plain-decimal form, the Description cap, duplicate CustomerTransactionIds, and which problem is named first.
 */
class FormatRulesTest {

    private static final IssuerAccountNumber ISSUER = new IssuerAccountNumber("SPN100001");

    static Stream<Arguments> items() {
        return Stream.of(
                arguments("a valid bank item", AnItem.bankTransfer(), null, null),
                arguments("a JSON type error is named before any other problem",
                        AnItem.bankTransfer().typeErrorOn("Amount").recipient(null), "Items[0].Amount", ErrorCode.INVALID_FIELD),
                // CustomerTransactionId
                arguments("CustomerTransactionId of 64 characters", AnItem.bankTransfer().customerTransactionId("T".repeat(64)),
                        null, null),
                arguments("CustomerTransactionId of 65 characters", AnItem.bankTransfer().customerTransactionId("T".repeat(65)),
                        "Items[0].CustomerTransactionId", ErrorCode.INVALID_FIELD),
                arguments("CustomerTransactionId empty", AnItem.bankTransfer().customerTransactionId(""),
                        "Items[0].CustomerTransactionId", ErrorCode.INVALID_FIELD),
                arguments("CustomerTransactionId with a space", AnItem.bankTransfer().customerTransactionId("TX 1"),
                        "Items[0].CustomerTransactionId", ErrorCode.INVALID_FIELD),
                arguments("CustomerTransactionId with a non-ASCII letter", AnItem.bankTransfer().customerTransactionId("TX-\u00e9"),
                        "Items[0].CustomerTransactionId", ErrorCode.INVALID_FIELD),
                arguments("CustomerTransactionId of every allowed punctuation",
                        AnItem.bankTransfer().customerTransactionId("a.b_c:d-9"), null, null),
                arguments("a CustomerTransactionId the service generated is not held to the client's shape",
                        AnItem.bankTransfer().generatedCustomerTransactionId("ct_" + "x".repeat(70)), null, null),
                // RecipientId
                arguments("RecipientId missing", AnItem.bankTransfer().recipient(null),
                        "Items[0].RecipientId", ErrorCode.MISSING_FIELD),
                arguments("RecipientId empty is invalid, not missing", AnItem.bankTransfer().recipient(""),
                        "Items[0].RecipientId", ErrorCode.INVALID_FIELD),
                arguments("RecipientId with a quote", AnItem.bankTransfer().recipient("PAT'1"),
                        "Items[0].RecipientId", ErrorCode.INVALID_FIELD),
                arguments("RecipientId of 64 characters", AnItem.bankTransfer().recipient("P".repeat(64)), null, null),
                arguments("RecipientId of 65 characters", AnItem.bankTransfer().recipient("P".repeat(65)),
                        "Items[0].RecipientId", ErrorCode.INVALID_FIELD),
                // SendMethodId
                arguments("SendMethodId missing", AnItem.bankTransfer().method(null),
                        "Items[0].SendMethodId", ErrorCode.MISSING_FIELD),
                arguments("SendMethodId empty is invalid, not missing", AnItem.bankTransfer().method(""),
                        "Items[0].SendMethodId", ErrorCode.INVALID_SEND_METHOD),
                arguments("SendMethodId between two real ones", AnItem.bankTransfer().method("XTR94501"),
                        "Items[0].SendMethodId", ErrorCode.INVALID_SEND_METHOD),
                arguments("SendMethodId in lower case", AnItem.bankTransfer().method("xtr94500"),
                        "Items[0].SendMethodId", ErrorCode.INVALID_SEND_METHOD),
                arguments("a gift card's SendMethodId", AnItem.bankTransfer().method("XTR94505"), null, null),
                // Amount: presence here, its value in amounts()
                arguments("Amount missing", AnItem.bankTransfer().amount(null), "Items[0].Amount", ErrorCode.MISSING_FIELD),
                arguments("Amount empty is invalid, not missing", AnItem.bankTransfer().amount(""),
                        "Items[0].Amount", ErrorCode.INVALID_AMOUNT),
                // Destination
                arguments("Destination absent", AnItem.bankTransfer().noDestination(),
                        "Items[0].Destination", ErrorCode.MISSING_FIELD),
                // Description
                arguments("Description of 1,024 characters", AnItem.bankTransfer().description("d".repeat(1024)), null, null),
                arguments("Description of 1,025 characters", AnItem.bankTransfer().description("d".repeat(1025)),
                        "Items[0].Description", ErrorCode.INVALID_FIELD),
                arguments("Description empty", AnItem.bankTransfer().description(""), null, null),
                // which problem is named first
                arguments("RecipientId missing is named before Amount missing",
                        AnItem.bankTransfer().recipient(null).amount(null), "Items[0].RecipientId", ErrorCode.MISSING_FIELD),
                arguments("Destination absent is named before an unknown SendMethodId",
                        AnItem.bankTransfer().method("XTR94501").noDestination(), "Items[0].Destination", ErrorCode.MISSING_FIELD),
                arguments("an unknown SendMethodId is named before a bad Amount",
                        AnItem.bankTransfer().method("XTR94501").amount("0"), "Items[0].SendMethodId",
                        ErrorCode.INVALID_SEND_METHOD),
                // where the rejection points
                arguments("the fourth item of a JSON body", AnItem.bankTransfer().at(3).amount("0"),
                        "Items[3].Amount", ErrorCode.INVALID_AMOUNT),
                arguments("the first data row of a CSV upload", AnItem.bankTransfer().inCsv().amount("0"),
                        "Row[1].Amount", ErrorCode.INVALID_AMOUNT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void shouldRejectAMalformedItemByItsFirstProblem(String edge, AnItem item, String field, ErrorCode code) {
        IntakeContext context = new IntakeContext(ISSUER, CurrencyCode.USD);

        assertOutcome(edge, FirstRejection.of(FormatRules.all(), item.build(), context), field, code);
    }

    /** {@code valid}: whether the amount passes in a batch of that currency. */
    static Stream<Arguments> amounts() {
        return Stream.of(
                arguments("the smallest cent", CurrencyCode.USD, "0.01", true),
                arguments("whole dollars without decimals", CurrencyCode.USD, "10", true),
                arguments("one decimal", CurrencyCode.USD, "1.5", true),
                arguments("zero", CurrencyCode.USD, "0.00", false),
                arguments("zero without decimals", CurrencyCode.USD, "0", false),
                arguments("negative", CurrencyCode.USD, "-1.00", false),
                arguments("with a plus sign", CurrencyCode.USD, "+1.00", false),
                arguments("three decimals in USD", CurrencyCode.USD, "1.005", false),
                arguments("the per-item ceiling", CurrencyCode.USD, "1000000.00", true),
                arguments("the ceiling written with one decimal", CurrencyCode.USD, "1000000.0", true),
                arguments("a cent over the ceiling", CurrencyCode.USD, "1000000.01", false),
                arguments("a dollar over the ceiling", CurrencyCode.USD, "1000001", false),
                arguments("exponent form", CurrencyCode.USD, "1e3", false),
                arguments("exponent form, capital E", CurrencyCode.USD, "1E3", false),
                arguments("exponent form with a fraction", CurrencyCode.USD, "1.0e2", false),
                arguments("a leading space", CurrencyCode.USD, " 1.00", false),
                arguments("a trailing space", CurrencyCode.USD, "1.00 ", false),
                arguments("a thousands separator", CurrencyCode.USD, "1,000.00", false),
                arguments("no digit before the point", CurrencyCode.USD, ".50", false),
                arguments("no digit after the point", CurrencyCode.USD, "5.", false),
                arguments("NaN", CurrencyCode.USD, "NaN", false),
                arguments("hexadecimal", CurrencyCode.USD, "0x10", false),
                arguments("two decimals in EUR", CurrencyCode.EUR, "0.01", true),
                arguments("whole yen", CurrencyCode.JPY, "1", true),
                arguments("a yen written with a decimal", CurrencyCode.JPY, "1.0", false),
                arguments("the ceiling in yen", CurrencyCode.JPY, "1000000", true),
                arguments("a yen over the ceiling", CurrencyCode.JPY, "1000001", false));
    }

    @ParameterizedTest(name = "{0}: {2} {1}")
    @MethodSource("amounts")
    void shouldTakeOnlyPlainPositiveAmountsWithinScaleAndCeiling(String edge, CurrencyCode currency, String amount,
                                                                  boolean valid) {
        IntakeContext context = new IntakeContext(ISSUER, currency);

        assertOutcome(edge, FirstRejection.of(FormatRules.all(), AnItem.bankTransfer().amount(amount).build(), context),
                "Items[0].Amount", valid ? null : ErrorCode.INVALID_AMOUNT);
    }

    /** {@code earlier}: the ids of the items before it in the same request. */
    static Stream<Arguments> repeats() {
        return Stream.of(
                arguments("an id an earlier item used", List.of("TX-0", "TX-1"), "TX-1",
                        "Items[2].CustomerTransactionId", ErrorCode.DUPLICATE_IN_BATCH),
                arguments("ids that differ only in case", List.of("tx-1"), "TX-1", null, null),
                arguments("ids no earlier item used", List.of("TX-0", "TX-2"), "TX-1", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeats")
    void shouldRefuseACustomerTransactionIdUsedEarlierInTheRequest(String edge, List<String> earlier, String id,
                                                                  String field, ErrorCode code) {
        IntakeContext context = new IntakeContext(ISSUER, CurrencyCode.USD);
        for (int i = 0; i < earlier.size(); i++) {
            assertOutcome("earlier item " + i, FirstRejection.of(FormatRules.all(),
                    AnItem.bankTransfer().at(i).customerTransactionId(earlier.get(i)).build(), context), null, null);
        }

        ItemRequest item = AnItem.bankTransfer().at(earlier.size()).customerTransactionId(id).build();

        assertOutcome(edge, FirstRejection.of(FormatRules.all(), item, context), field, code);
    }
}
