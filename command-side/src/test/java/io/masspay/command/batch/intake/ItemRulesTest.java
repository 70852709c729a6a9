package io.masspay.command.batch.intake;

import io.masspay.command.directory.BankAccount;
import io.masspay.command.directory.Card;
import io.masspay.command.directory.Destinations;
import io.masspay.command.directory.PostalAddress;
import io.masspay.command.directory.Recipient;
import io.masspay.command.directory.RecipientType;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.wallet.OwnerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every item rule of a submission, one row per edge: the item as sent (a valid bank item changed in one
 * way), and the first rejection the rules give it, or none. The rules run as {@link BatchIntake} runs them:
 * format and destination format first, then the ownership rules against the bulk-loaded lookups, here an
 * issuer with an individual, a company, a recipient abroad and a recipient without an address.
 */
class ItemRulesTest {

    private static final IssuerAccountNumber ISSUER = new IssuerAccountNumber("SPN100001");
    private static final IssuerAccountNumber OTHER_ISSUER = new IssuerAccountNumber("SPN100002");
    private static final PostalAddress US = new PostalAddress("1 Main St", null, "Springfield", "IL", "62701", "US");

    /** A bank transfer to PAT-1's default account: every rule passes it. */
    private static ItemRequest valid() {
        return new ItemRequest(0, "TX-1", false, "PAT-1", "XTR94500", "10.00", null, Map.of(), null, null);
    }

    static Stream<Arguments> items() {
        return Stream.of(
                row("a valid bank item", item -> item, null, null),
                // format
                row("a JSON type error comes first", item -> with(item, "shape", null),
                        "Items[0].Amount", ErrorCode.INVALID_FIELD),
                row("CustomerTransactionId with a space", item -> with(item, "ctid", "TX 1"),
                        "Items[0].CustomerTransactionId", ErrorCode.INVALID_FIELD),
                row("CustomerTransactionId of 65 characters", item -> with(item, "ctid", "T".repeat(65)),
                        "Items[0].CustomerTransactionId", ErrorCode.INVALID_FIELD),
                row("CustomerTransactionId of 64 characters", item -> with(item, "ctid", "T".repeat(64)), null, null),
                row("RecipientId missing", item -> with(item, "recipient", null),
                        "Items[0].RecipientId", ErrorCode.MISSING_FIELD),
                row("RecipientId with a quote", item -> with(item, "recipient", "PAT'1"),
                        "Items[0].RecipientId", ErrorCode.INVALID_FIELD),
                row("SendMethodId missing", item -> with(item, "method", null),
                        "Items[0].SendMethodId", ErrorCode.MISSING_FIELD),
                row("SendMethodId unknown", item -> with(item, "method", "XTR94501"),
                        "Items[0].SendMethodId", ErrorCode.INVALID_SEND_METHOD),
                row("Amount missing", item -> with(item, "amount", null), "Items[0].Amount", ErrorCode.MISSING_FIELD),
                row("Amount zero", item -> with(item, "amount", "0.00"), "Items[0].Amount", ErrorCode.INVALID_AMOUNT),
                row("Amount negative", item -> with(item, "amount", "-1.00"), "Items[0].Amount", ErrorCode.INVALID_AMOUNT),
                row("Amount with three decimals", item -> with(item, "amount", "1.005"),
                        "Items[0].Amount", ErrorCode.INVALID_AMOUNT),
                row("Amount in exponent form", item -> with(item, "amount", "1e3"), "Items[0].Amount", ErrorCode.INVALID_AMOUNT),
                row("Amount over the per-item ceiling", item -> with(item, "amount", "1000000.01"),
                        "Items[0].Amount", ErrorCode.INVALID_AMOUNT),
                row("Amount at the per-item ceiling", item -> with(item, "amount", "1000000.00"), null, null),
                row("Destination absent", item -> with(item, "destination", null),
                        "Items[0].Destination", ErrorCode.MISSING_FIELD),
                row("Description of 1,025 characters", item -> with(item, "description", "d".repeat(1025)),
                        "Items[0].Description", ErrorCode.INVALID_FIELD),
                // destination format
                row("BeneficiaryBankID with a slash", item -> dest(item, "BeneficiaryBankID", "BA/1"),
                        "Items[0].Destination.BeneficiaryBankID", ErrorCode.INVALID_FIELD),
                row("gift card without Email", item -> gift(item, null, "AMZ-25"),
                        "Items[0].Destination.Email", ErrorCode.MISSING_FIELD),
                row("gift card with a bad Email", item -> gift(item, "pat@example", "AMZ-25"),
                        "Items[0].Destination.Email", ErrorCode.INVALID_FIELD),
                row("gift card without SKU", item -> gift(item, "pat@example.com", null),
                        "Items[0].Destination.SKU", ErrorCode.MISSING_FIELD),
                row("gift card with a bad SKU", item -> gift(item, "pat@example.com", "AMZ 25"),
                        "Items[0].Destination.SKU", ErrorCode.INVALID_FIELD),
                row("a valid gift card", item -> gift(item, "pat@example.com", "AMZ-25"), null, null),
                row("check address without City", item -> check(item, address("US", null)),
                        "Items[0].Destination.Address.City", ErrorCode.MISSING_FIELD),
                row("check address outside the US", item -> check(item, address("CA", "Toronto")),
                        "Items[0].Destination.Address.Country", ErrorCode.COUNTRY_NOT_SUPPORTED),
                row("check with a US address", item -> check(item, address("US", "Springfield")), null, null),
                // ownership
                row("unknown recipient", item -> with(item, "recipient", "PAT-404"),
                        "Items[0].RecipientId", ErrorCode.RECIPIENT_NOT_FOUND),
                row("another issuer's recipient is not found", item -> with(item, "recipient", "THEIRS-1"),
                        "Items[0].RecipientId", ErrorCode.RECIPIENT_NOT_FOUND),
                row("individual wallet to a company", item -> with(with(item, "recipient", "ORG-1"), "method", "XTR94502"),
                        "Items[0].SendMethodId", ErrorCode.INVALID_SEND_METHOD),
                row("company wallet to an individual", item -> with(item, "method", "XTR94504"),
                        "Items[0].SendMethodId", ErrorCode.INVALID_SEND_METHOD),
                row("company wallet to a company", item -> with(with(item, "recipient", "ORG-1"), "method", "XTR94504"),
                        null, null),
                row("named wallet of another recipient", item -> dest(with(item, "method", "XTR94502"), "WalletId", "WAL-ORG"),
                        "Items[0].Destination.WalletId", ErrorCode.WALLET_NOT_FOUND),
                row("named wallet of another issuer", item -> dest(with(item, "method", "XTR94502"), "WalletId", "WAL-THEIRS"),
                        "Items[0].Destination.WalletId", ErrorCode.WALLET_NOT_FOUND),
                row("named wallet in another currency", item -> dest(with(item, "method", "XTR94502"), "WalletId", "WAL-PAT-EUR"),
                        "Items[0].Destination.WalletId", ErrorCode.CURRENCY_MISMATCH),
                row("named wallet of the recipient", item -> dest(with(item, "method", "XTR94502"), "WalletId", "WAL-PAT"),
                        null, null),
                row("bank account not the recipient's", item -> dest(item, "BeneficiaryBankID", "BA-ORG"),
                        "Items[0].Destination.BeneficiaryBankID", ErrorCode.DESTINATION_NOT_FOUND),
                row("bank account in another currency", item -> dest(item, "BeneficiaryBankID", "BA-PAT-EUR"),
                        "Items[0].Destination.BeneficiaryBankID", ErrorCode.CURRENCY_MISMATCH),
                row("no default bank account", item -> with(item, "recipient", "ORG-1"),
                        "Items[0].Destination", ErrorCode.DESTINATION_NOT_FOUND),
                row("push to card without a default card", item -> with(with(item, "recipient", "ORG-1"), "method", "XTR94508"),
                        "Items[0].Destination", ErrorCode.DESTINATION_NOT_FOUND),
                row("push to card to the default card", item -> with(item, "method", "XTR94508"), null, null),
                row("virtual card issued new needs no card", item -> with(with(item, "recipient", "ORG-1"), "method", "XTR94503"),
                        null, null),
                row("named card of another recipient", item -> dest(with(item, "method", "XTR94503"), "CardId", "CARD-ORG"),
                        "Items[0].Destination.CardId", ErrorCode.DESTINATION_NOT_FOUND),
                row("check to a recipient without an address", item -> with(with(item, "recipient", "ORG-1"), "method", "XTR94507"),
                        "Items[0].Destination.Address", ErrorCode.DESTINATION_NOT_FOUND),
                row("check to a recipient abroad", item -> with(with(item, "recipient", "PAT-CA"), "method", "XTR94507"),
                        "Items[0].Destination.Address", ErrorCode.COUNTRY_NOT_SUPPORTED),
                row("check to the recipient's US address", item -> with(item, "method", "XTR94507"), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void shouldRejectAnItemByItsFirstBrokenRule(String edge, UnaryOperator<ItemRequest> change, String field, ErrorCode code) {
        Optional<FieldError> rejection = firstRejection(change.apply(valid()), lookups());

        if (code == null) {
            assertThat(rejection).as(edge).isEmpty();
        } else {
            assertThat(rejection).as(edge).isPresent();
            assertThat(rejection.get().field()).as(edge).isEqualTo(field);
            assertThat(rejection.get().errorCode()).as(edge).isEqualTo(code);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void shouldNameTheItemByItsCsvRowInAnUpload(String edge, UnaryOperator<ItemRequest> change, String field, ErrorCode code) {
        ItemRequest item = change.apply(valid());
        org.junit.jupiter.api.Assumptions.assumeTrue(item.shapeError() == null, "a JSON type error is the reader's");
        ItemRequest row = new ItemRequest(item.index(), item.customerTransactionId(), item.customerTransactionIdGenerated(),
                item.recipientId(), item.sendMethodId(), item.amount(), item.description(), item.destination(),
                item.address(), item.shapeError(), ItemPaths.CSV);

        Optional<FieldError> rejection = firstRejection(row, lookups());

        rejection.ifPresent(r -> assertThat(r.field()).as(edge).startsWith("Row[1].").doesNotContain("Items["));
    }

    @Test
    void shouldRefuseTheSecondUseOfACustomerTransactionIdInOneRequest() {
        IntakeContext context = lookups();
        assertThat(firstRejection(valid(), context)).isEmpty();

        Optional<FieldError> second = firstRejection(new ItemRequest(1, "TX-1", false, "PAT-1", "XTR94500", "5.00",
                null, Map.of(), null, null), context);

        assertThat(second).map(FieldError::errorCode).contains(ErrorCode.DUPLICATE_IN_BATCH);
        assertThat(second).map(FieldError::field).contains("Items[1].CustomerTransactionId");
    }

    /** The rules in the order {@link BatchIntake} applies them; the ownership rules only see well-formed items. */
    private static Optional<FieldError> firstRejection(ItemRequest item, IntakeContext context) {
        return Stream.concat(FormatRules.withDestinations().stream(), OwnershipRules.all().stream())
                .map(rule -> rule.check(item, context))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static IntakeContext lookups() {
        IntakeContext context = new IntakeContext(ISSUER, CurrencyCode.USD);
        RecipientId pat = new RecipientId("PAT-1");
        RecipientId org = new RecipientId("ORG-1");
        RecipientId abroad = new RecipientId("PAT-CA");
        Map<RecipientId, Recipient> recipients = Map.of(
                pat, new Recipient(ISSUER, pat, RecipientType.Individual, "US", US),
                org, new Recipient(ISSUER, org, RecipientType.Company, "US", null),
                abroad, new Recipient(ISSUER, abroad, RecipientType.Individual, "CA",
                        new PostalAddress("1 King St", null, "Toronto", "ON", "M5H", "CA")));
        Map<WalletId, WalletEntry> wallets = Map.of(
                new WalletId("WAL-PAT"), wallet("WAL-PAT", ISSUER, "PAT-1", CurrencyCode.USD),
                new WalletId("WAL-PAT-EUR"), wallet("WAL-PAT-EUR", ISSUER, "PAT-1", CurrencyCode.EUR),
                new WalletId("WAL-ORG"), wallet("WAL-ORG", ISSUER, "ORG-1", CurrencyCode.USD),
                new WalletId("WAL-THEIRS"), wallet("WAL-THEIRS", OTHER_ISSUER, "PAT-1", CurrencyCode.USD));
        Destinations destinations = new Destinations(
                Map.of(pat, List.of(new BankAccount("BA-PAT", pat, CurrencyCode.USD, true),
                                new BankAccount("BA-PAT-EUR", pat, CurrencyCode.EUR, false)),
                        org, List.of(new BankAccount("BA-ORG", org, CurrencyCode.USD, false))),
                Map.of(pat, List.of(new Card("CARD-PAT", pat, "4242", "VISA", true)),
                        org, List.of(new Card("CARD-ORG", org, "1881", "VISA", false))));
        context.useLookups(recipients, wallets, destinations);
        return context;
    }

    private static WalletEntry wallet(String id, IssuerAccountNumber issuer, String owner, CurrencyCode currency) {
        return new WalletEntry(new WalletId(id), issuer, OwnerType.Recipient, owner, currency);
    }

    private static Arguments row(String edge, UnaryOperator<ItemRequest> change, String field, ErrorCode code) {
        return Arguments.of(edge, change, field, code);
    }

    private static ItemRequest with(ItemRequest i, String what, String value) {
        return new ItemRequest(i.index(),
                what.equals("ctid") ? value : i.customerTransactionId(), i.customerTransactionIdGenerated(),
                what.equals("recipient") ? value : i.recipientId(),
                what.equals("method") ? value : i.sendMethodId(),
                what.equals("amount") ? value : i.amount(),
                what.equals("description") ? value : i.description(),
                what.equals("destination") ? null : i.destination(), i.address(),
                what.equals("shape") ? new FieldError(i.path("Amount"), ErrorCode.INVALID_FIELD, "Amount must be a string")
                        : i.shapeError(),
                i.paths());
    }

    private static ItemRequest dest(ItemRequest i, String field, String value) {
        Map<String, String> destination = new HashMap<>(i.destination());
        destination.put(field, value);
        return new ItemRequest(i.index(), i.customerTransactionId(), false, i.recipientId(), i.sendMethodId(),
                i.amount(), i.description(), destination, i.address(), i.shapeError(), i.paths());
    }

    private static ItemRequest gift(ItemRequest i, String email, String sku) {
        Map<String, String> destination = new HashMap<>();
        if (email != null) {
            destination.put("Email", email);
        }
        if (sku != null) {
            destination.put("SKU", sku);
        }
        return new ItemRequest(i.index(), i.customerTransactionId(), false, i.recipientId(), "XTR94505",
                i.amount(), i.description(), destination, null, i.shapeError(), i.paths());
    }

    private static ItemRequest check(ItemRequest i, Map<String, String> address) {
        return new ItemRequest(i.index(), i.customerTransactionId(), false, i.recipientId(), "XTR94507",
                i.amount(), i.description(), i.destination(), address, i.shapeError(), i.paths());
    }

    private static Map<String, String> address(String country, String city) {
        Map<String, String> address = new HashMap<>(Map.of("Line1", "1 Main St", "PostalCode", "62701", "Country", country));
        if (city != null) {
            address.put("City", city);
        }
        return address;
    }
}
