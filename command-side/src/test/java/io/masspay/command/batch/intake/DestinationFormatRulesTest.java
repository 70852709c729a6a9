package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.money.CurrencyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.masspay.command.batch.intake.AnItem.check;
import static io.masspay.command.batch.intake.AnItem.giftCard;
import static io.masspay.command.batch.intake.AnItem.usAddress;
import static io.masspay.command.batch.intake.AnItem.usAddressWith;
import static io.masspay.command.batch.intake.FirstRejection.assertOutcome;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link DestinationFormatRules}: what a send method asks of the Destination before anything is looked up:
 * reference ids shaped as ids, a gift card's Email and SKU (missing versus invalid, SKU at 64 and 65), a check
 * address complete (blank counts as missing), each field at 200 and 201 characters, and in the US.
 */
class DestinationFormatRulesTest {

    private static final String ADDRESS = "Items[0].Destination.Address.";

    static Stream<Arguments> items() {
        return Stream.of(
                arguments("a bank transfer with an empty Destination", AnItem.bankTransfer(), null, null),
                // references
                arguments("BeneficiaryBankID of 64 characters", AnItem.bankTransfer().destination("BeneficiaryBankID",
                        "B".repeat(64)), null, null),
                arguments("BeneficiaryBankID of 65 characters", AnItem.bankTransfer().destination("BeneficiaryBankID",
                        "B".repeat(65)), "Items[0].Destination.BeneficiaryBankID", ErrorCode.INVALID_FIELD),
                arguments("WalletId with a slash, whatever the send method", AnItem.bankTransfer().destination("WalletId",
                        "WAL/1"), "Items[0].Destination.WalletId", ErrorCode.INVALID_FIELD),
                arguments("CardId empty", AnItem.bankTransfer().destination("CardId", ""),
                        "Items[0].Destination.CardId", ErrorCode.INVALID_FIELD),
                arguments("a Destination field that is no reference is not held to the id shape",
                        AnItem.bankTransfer().destination("Note", "a b/c"), null, null),
                // gift card
                arguments("a valid gift card", giftCard("pat@example.com", "AMZ-25"), null, null),
                arguments("gift card without Email", giftCard(null, "AMZ-25"),
                        "Items[0].Destination.Email", ErrorCode.MISSING_FIELD),
                arguments("gift card with an empty Email is invalid, not missing", giftCard("", "AMZ-25"),
                        "Items[0].Destination.Email", ErrorCode.INVALID_FIELD),
                arguments("gift card Email without a dotted domain", giftCard("pat@example", "AMZ-25"),
                        "Items[0].Destination.Email", ErrorCode.INVALID_FIELD),
                arguments("gift card Email with a space", giftCard("pat @example.com", "AMZ-25"),
                        "Items[0].Destination.Email", ErrorCode.INVALID_FIELD),
                arguments("gift card Email with two @", giftCard("pat@x@example.com", "AMZ-25"),
                        "Items[0].Destination.Email", ErrorCode.INVALID_FIELD),
                arguments("gift card without SKU", giftCard("pat@example.com", null),
                        "Items[0].Destination.SKU", ErrorCode.MISSING_FIELD),
                arguments("gift card SKU with a space", giftCard("pat@example.com", "AMZ 25"),
                        "Items[0].Destination.SKU", ErrorCode.INVALID_FIELD),
                arguments("gift card SKU with a colon, which ids may hold but SKUs may not", giftCard("pat@example.com",
                        "AMZ:25"), "Items[0].Destination.SKU", ErrorCode.INVALID_FIELD),
                arguments("gift card SKU of 64 characters", giftCard("pat@example.com", "S".repeat(64)), null, null),
                arguments("gift card SKU of 65 characters", giftCard("pat@example.com", "S".repeat(65)),
                        "Items[0].Destination.SKU", ErrorCode.INVALID_FIELD),
                arguments("gift card without Email or SKU names Email", giftCard(null, null),
                        "Items[0].Destination.Email", ErrorCode.MISSING_FIELD),
                arguments("a bad Email on a bank transfer is not the gift card rule's",
                        AnItem.bankTransfer().destination("Email", "nope"), null, null),
                arguments("a bad reference is named before a gift card's missing Email",
                        giftCard(null, null).destination("CardId", "C 1"), "Items[0].Destination.CardId",
                        ErrorCode.INVALID_FIELD),
                // check address
                arguments("check with a complete US address", check(usAddress()), null, null),
                arguments("check without an address (the recipient's is OwnershipRules')", check(null), null, null),
                arguments("check address without Line1", check(usAddressWith("Line1", null)),
                        ADDRESS + "Line1", ErrorCode.MISSING_FIELD),
                arguments("check address without City", check(usAddressWith("City", null)),
                        ADDRESS + "City", ErrorCode.MISSING_FIELD),
                arguments("check address without PostalCode", check(usAddressWith("PostalCode", null)),
                        ADDRESS + "PostalCode", ErrorCode.MISSING_FIELD),
                arguments("check address without Country", check(usAddressWith("Country", null)),
                        ADDRESS + "Country", ErrorCode.MISSING_FIELD),
                arguments("check address with a blank City is missing one", check(usAddressWith("City", "  ")),
                        ADDRESS + "City", ErrorCode.MISSING_FIELD),
                arguments("check address Line1 of 200 characters", check(usAddressWith("Line1", "L".repeat(200))),
                        null, null),
                arguments("check address Line1 of 201 characters", check(usAddressWith("Line1", "L".repeat(201))),
                        ADDRESS + "Line1", ErrorCode.INVALID_FIELD),
                arguments("check address optional Line2 of 201 characters", check(usAddressWith("Line2", "L".repeat(201))),
                        ADDRESS + "Line2", ErrorCode.INVALID_FIELD),
                arguments("check address in Canada", check(usAddressWith("Country", "CA")),
                        ADDRESS + "Country", ErrorCode.COUNTRY_NOT_SUPPORTED),
                arguments("check address Country in lower case", check(usAddressWith("Country", "us")),
                        ADDRESS + "Country", ErrorCode.COUNTRY_NOT_SUPPORTED),
                arguments("check address Country as USA", check(usAddressWith("Country", "USA")),
                        ADDRESS + "Country", ErrorCode.COUNTRY_NOT_SUPPORTED),
                arguments("a missing field is named before a foreign country",
                        check(usAddressWith("City", null, "Country", "CA")), ADDRESS + "City",
                        ErrorCode.MISSING_FIELD),
                arguments("a field too long is named before a foreign country",
                        check(usAddressWith("Line1", "L".repeat(201), "Country", "CA")),
                        ADDRESS + "Line1", ErrorCode.INVALID_FIELD),
                arguments("a foreign address on a bank transfer is not the check rule's",
                        AnItem.bankTransfer().address(usAddressWith("Country", "CA")), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void shouldRejectADestinationItsSendMethodCannotUse(String edge, AnItem item, String field, ErrorCode code) {
        IntakeContext context = new IntakeContext(new IssuerAccountNumber("SPN100001"), CurrencyCode.USD);

        assertOutcome(edge, FirstRejection.of(DestinationFormatRules.all(), item.build(), context), field, code);
    }
}
