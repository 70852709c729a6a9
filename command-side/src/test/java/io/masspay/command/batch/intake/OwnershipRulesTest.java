package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.money.CurrencyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.masspay.command.batch.intake.AnItem.bankTransfer;
import static io.masspay.command.batch.intake.AnItem.check;
import static io.masspay.command.batch.intake.AnItem.giftCard;
import static io.masspay.command.batch.intake.AnItem.usAddress;
import static io.masspay.command.batch.intake.FirstRejection.assertOutcome;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link OwnershipRules} against the in-memory {@link IssuerLookups}: the recipient exists and fits a wallet
 * method, a named wallet is this recipient's at this issuer and in the batch currency, a named bank account
 * or card is the recipient's, and a stored destination the item relies on (default account, default card,
 * address on file) exists, in the batch currency and, for a check, in the US.
 */
class OwnershipRulesTest {

    private static final String WALLET = "Items[0].Destination.WalletId";
    private static final String BANK = "Items[0].Destination.BeneficiaryBankID";
    private static final String CARD = "Items[0].Destination.CardId";

    static Stream<Arguments> items() {
        return Stream.of(
                arguments("a bank transfer to the recipient's default account", bankTransfer(), null, null),
                // recipient
                arguments("a recipient the issuer does not have", bankTransfer().recipient("PAT-404"),
                        "Items[0].RecipientId", ErrorCode.RECIPIENT_NOT_FOUND),
                arguments("an unknown recipient is named before a wallet method", bankTransfer().recipient("PAT-404")
                        .method("XTR94504"), "Items[0].RecipientId", ErrorCode.RECIPIENT_NOT_FOUND),
                arguments("individual wallet to a company", bankTransfer().recipient("ORG-1").method("XTR94502"),
                        "Items[0].SendMethodId", ErrorCode.INVALID_SEND_METHOD),
                arguments("company wallet to an individual", bankTransfer().method("XTR94504"),
                        "Items[0].SendMethodId", ErrorCode.INVALID_SEND_METHOD),
                arguments("individual wallet to an individual", bankTransfer().method("XTR94502"), null, null),
                arguments("company wallet to a company", bankTransfer().recipient("ORG-1").method("XTR94504"), null, null),
                arguments("a gift card to a company: rail methods fit either kind",
                        giftCard("ap@example.com", "AMZ-25").recipient("ORG-1"), null, null),
                // named wallet
                arguments("the recipient's own wallet", wallet("XTR94502", "WAL-PAT"), null, null),
                arguments("another recipient's wallet", wallet("XTR94502", "WAL-ORG"), WALLET, ErrorCode.WALLET_NOT_FOUND),
                arguments("a wallet of the same owner id at another issuer", wallet("XTR94502", "WAL-THEIRS"),
                        WALLET, ErrorCode.WALLET_NOT_FOUND),
                arguments("an issuer wallet under the recipient's id", wallet("XTR94502", "WAL-ISSUER"),
                        WALLET, ErrorCode.WALLET_NOT_FOUND),
                arguments("a wallet that does not exist", wallet("XTR94502", "WAL-404"), WALLET, ErrorCode.WALLET_NOT_FOUND),
                arguments("a WalletId on a bank transfer is not looked up", bankTransfer().destination("WalletId", "WAL-404"),
                        null, null),
                arguments("a wallet method that does not fit is named before the wallet",
                        wallet("XTR94502", "WAL-ORG").recipient("ORG-1"), "Items[0].SendMethodId",
                        ErrorCode.INVALID_SEND_METHOD),
                // bank account
                arguments("the recipient's named account that is not its default",
                        bankTransfer().destination("BeneficiaryBankID", "BA-PAT-2"), null, null),
                arguments("another recipient's account", bankTransfer().destination("BeneficiaryBankID", "BA-ORG"),
                        BANK, ErrorCode.DESTINATION_NOT_FOUND),
                arguments("an account that does not exist", bankTransfer().destination("BeneficiaryBankID", "BA-404"),
                        BANK, ErrorCode.DESTINATION_NOT_FOUND),
                arguments("no account named, and no default account on file", bankTransfer().recipient("ORG-1"),
                        "Items[0].Destination", ErrorCode.DESTINATION_NOT_FOUND),
                arguments("no account named, and no account at all", bankTransfer().recipient("PAT-2"),
                        "Items[0].Destination", ErrorCode.DESTINATION_NOT_FOUND),
                // card
                arguments("a virtual card without CardId is issued new, even to a recipient without cards",
                        bankTransfer().recipient("PAT-2").method("XTR94503"), null, null),
                arguments("a virtual card to the recipient's named card", card("XTR94503", "CARD-PAT-2"), null, null),
                arguments("a virtual card to another recipient's card", card("XTR94503", "CARD-ORG"),
                        CARD, ErrorCode.DESTINATION_NOT_FOUND),
                arguments("push to card without CardId goes to the default card", bankTransfer().method("XTR94508"),
                        null, null),
                arguments("push to card without CardId, and no default card on file",
                        bankTransfer().recipient("ORG-1").method("XTR94508"), "Items[0].Destination",
                        ErrorCode.DESTINATION_NOT_FOUND),
                arguments("push to card to the recipient's card that is not its default", card("XTR94508", "CARD-PAT-2"),
                        null, null),
                arguments("push to card to a card that does not exist", card("XTR94508", "CARD-404"),
                        CARD, ErrorCode.DESTINATION_NOT_FOUND),
                arguments("a CardId on a bank transfer is not looked up", bankTransfer().destination("CardId", "CARD-404"),
                        null, null),
                // check
                arguments("a check to the recipient's US address on file", check(null), null, null),
                arguments("a check to a recipient with no address on file", check(null).recipient("ORG-1"),
                        "Items[0].Destination.Address", ErrorCode.DESTINATION_NOT_FOUND),
                arguments("a check to a recipient living abroad", check(null).recipient("PAT-CA"),
                        "Items[0].Destination.Address", ErrorCode.COUNTRY_NOT_SUPPORTED),
                arguments("a check naming a US address needs none on file", check(usAddress()).recipient("ORG-1"),
                        null, null),
                arguments("a check naming a US address for a recipient living abroad", check(usAddress()).recipient("PAT-CA"),
                        null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void shouldRejectWhatTheRecipientDoesNotHave(String edge, AnItem item, String field, ErrorCode code) {
        assertOutcome(edge, FirstRejection.of(OwnershipRules.all(), item.build(), IssuerLookups.forBatchIn(CurrencyCode.USD)),
                field, code);
    }

    static Stream<Arguments> currencies() {
        return Stream.of(
                arguments("a EUR account in a USD batch", CurrencyCode.USD,
                        bankTransfer().destination("BeneficiaryBankID", "BA-PAT-EUR"), BANK, ErrorCode.CURRENCY_MISMATCH),
                arguments("a EUR account in a EUR batch", CurrencyCode.EUR,
                        bankTransfer().destination("BeneficiaryBankID", "BA-PAT-EUR"), null, null),
                arguments("a default USD account in a EUR batch", CurrencyCode.EUR, bankTransfer(),
                        "Items[0].Destination", ErrorCode.CURRENCY_MISMATCH),
                arguments("a default EUR account in a USD batch", CurrencyCode.USD, bankTransfer().recipient("PAT-CA"),
                        "Items[0].Destination", ErrorCode.CURRENCY_MISMATCH),
                arguments("a EUR wallet in a USD batch", CurrencyCode.USD, wallet("XTR94502", "WAL-PAT-EUR"),
                        WALLET, ErrorCode.CURRENCY_MISMATCH),
                arguments("a EUR wallet in a EUR batch", CurrencyCode.EUR, wallet("XTR94502", "WAL-PAT-EUR"), null, null),
                arguments("a USD wallet in a EUR batch", CurrencyCode.EUR, wallet("XTR94502", "WAL-PAT"),
                        WALLET, ErrorCode.CURRENCY_MISMATCH),
                arguments("another recipient's wallet is not found, whatever its currency", CurrencyCode.EUR,
                        wallet("XTR94502", "WAL-ORG"), WALLET, ErrorCode.WALLET_NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currencies")
    void shouldPayOnlyIntoTheBatchCurrency(String edge, CurrencyCode batch, AnItem item, String field, ErrorCode code) {
        assertOutcome(edge, FirstRejection.of(OwnershipRules.all(), item.build(), IssuerLookups.forBatchIn(batch)),
                field, code);
    }

    private static AnItem wallet(String method, String walletId) {
        return bankTransfer().method(method).destination("WalletId", walletId);
    }

    private static AnItem card(String method, String cardId) {
        return bankTransfer().method(method).destination("CardId", cardId);
    }
}
