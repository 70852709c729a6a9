package io.masspay.infra.contract;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.contract.ContractBody.accepted;
import static io.masspay.infra.contract.ContractBody.errors;
import static io.masspay.infra.contract.ContractBody.fieldsAndCodes;
import static io.masspay.infra.contract.ContractBody.rejected;
import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The synchronous validation of {@code POST /API/v4/Fund/BatchTransfer}, row by row of API.md
 * sections 2 and 8, over HTTP against the whole application on PostgreSQL. Each item-level rule is
 * proven the same way: the offending item goes in after a valid one, and the answer must be a 202
 * that accepts the valid item and rejects the other alone, at the exact JSON path.
 */
@MassPayIntegrationTest
class SubmissionValidationIT {

    private static final String PAYEE = "PAT-OK";
    private static final Map<String, String> US_ADDRESS = Map.of("Line1", "1 Main St", "City", "Springfield",
            "State", "IL", "PostalCode", "62701", "Country", "US");
    private static final Map<String, String> CA_ADDRESS = Map.of("Line1", "1 King St W", "City", "Toronto",
            "State", "ON", "PostalCode", "M5H 1A1", "Country", "CA");

    @Autowired
    WebTestClient http;

    MassPayApi api;
    Issuer issuer;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        issuer = api.onboardIssuer("USD", "100000.00");
        api.recipient(issuer, PAYEE, "Individual");
    }

    // --- envelope -------------------------------------------------------------------------------

    @Test
    void shouldListEveryMissingEnvelopeFieldInOneAnswer() {
        Map<String, Object> body = refused(api.submit(issuer, Map.of("CustomerBatchId", "B-1")), 422,
                "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).containsExactlyInAnyOrder("IssuerAccountNumber MISSING_FIELD",
                "SourceWalletId MISSING_FIELD", "Items MISSING_FIELD");
    }

    @Test
    void shouldRefuseABatchWithoutItems() {
        Map<String, Object> body = refused(api.submit(issuer, batch(issuer, List.of())), 422, "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).containsExactly("Items MISSING_FIELD");
    }

    @Test
    void shouldRefuseAnUnknownSourceWallet() {
        Map<String, Object> body = refused(api.submit(issuer, Map.of("IssuerAccountNumber", issuer.account(),
                "SourceWalletId", "WAL-nope", "Items", List.of(payeeItem("T1")))), 422, "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).containsExactly("SourceWalletId WALLET_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WAL-\u0000", "WAL 1", "WAL-\ud800", "", "WAL-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void shouldRefuseASourceWalletIdThatCannotBeAWalletId(String walletId) {
        Map<String, Object> body = refused(api.submit(issuer, Map.of("IssuerAccountNumber", issuer.account(),
                "SourceWalletId", walletId, "Items", List.of(payeeItem("T1")))), 422, "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).containsExactly("SourceWalletId INVALID_FIELD");
    }

    @Test
    void shouldForbidAnotherIssuersAccountOrWallet() {
        Issuer other = api.onboardIssuer("USD", "10.00");
        refused(api.submit(issuer, batch(other, List.of(payeeItem("T1")))), 403, "FORBIDDEN");
        refused(api.submit(issuer, Map.of("IssuerAccountNumber", issuer.account(), "SourceWalletId", other.walletId(),
                "Items", List.of(payeeItem("T1")))), 403, "FORBIDDEN");
        refused(http.post().uri("/API/v4/Fund/BatchTransfer").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch(issuer, List.of(payeeItem("T1")))).exchange(), 401, "UNAUTHORIZED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BATCH 1", "BATCH/1", "BATCH#1", "BATCH-\u00e9", "",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void shouldRefuseACustomerBatchIdOutsideTheCharsetOrLength(String customerBatchId) {
        Map<String, Object> body = refused(api.submit(issuer, batchWithId(customerBatchId, List.of(payeeItem("T1")))),
                422, "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).containsExactly("CustomerBatchId INVALID_FIELD");
    }

    @Test
    void shouldAcceptACustomerBatchIdOf64CharactersOfTheCharset() {
        String id = "Ab0._:-".repeat(9) + "z";
        assertThat(id).hasSize(64);
        assertThat(submitted(batchWithId(id, List.of(payeeItem("T1"))))).containsEntry("CustomerBatchId", id);
    }

    @Test
    void shouldRefuseMoreItemsThanTheLimitTheOperatorSet() {
        api.limits(issuer, 3).expectStatus().isOk();
        Map<String, Object> body = refused(api.submit(issuer, batch(issuer, payeeItems("L", 4))), 422,
                "BATCH_TOO_LARGE");
        assertThat(errors(body)).isEmpty();
        assertThat(submitted(batch(issuer, payeeItems("L", 3)))).containsEntry("AcceptedCount", 3);
    }

    @Test
    void shouldRefuseMoreThan1000ItemsByDefaultSayingHowToRaiseTheLimit() {
        Map<String, Object> body = refused(api.submit(issuer, batch(issuer, payeeItems("D", 1_001))), 422,
                "BATCH_TOO_LARGE");
        assertThat((String) body.get("Message")).contains("1001 items").contains("limit is 1000")
                .contains("PUT /API/v4/Admin/Issuers/" + issuer.account() + "/Limits")
                .contains("{\"MaxItemsPerBatch\": 1001}").contains("at most 5000");

        api.limits(issuer, 1_001).expectStatus().isOk();
        assertThat(submitted(batch(issuer, payeeItems("D", 1_001)))).as("the limit the message named is enough")
                .containsEntry("AcceptedCount", 1_001);
    }

    @Test
    void shouldNeverAllowMoreThan5000Items() {
        Map<String, Object> overMax = refused(api.limits(issuer, 5_001), 422, "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(overMax))).containsExactly("MaxItemsPerBatch INVALID_FIELD");
        api.limits(issuer, 5_000).expectStatus().isOk();
        Map<String, Object> atMax = refused(api.submit(issuer, batch(issuer, payeeItems("H", 5_001))), 422,
                "BATCH_TOO_LARGE");
        assertThat((String) atMax.get("Message")).contains("limit is 5000").contains("split it")
                .doesNotContain("/Limits");
    }

    // --- send methods and destinations ----------------------------------------------------------

    @Test
    void shouldAcceptEverySendMethodWithAValidDestination() {
        api.recipient(issuer, "ORG-1", "Company");
        api.recipient(issuer, "PAT-HOME", "Individual", US_ADDRESS);
        api.bankAccount(issuer, "PAT-HOME", "BNK-MAIN", "USD", true);
        api.bankAccount(issuer, "PAT-HOME", "BNK-SIDE", "USD", false);
        api.card(issuer, "PAT-HOME", "CRD-MAIN", true);
        api.card(issuer, "PAT-HOME", "CRD-SIDE", false);

        List<Map<String, Object>> items = List.of(
                item("BANK-DEFAULT", "PAT-HOME", "XTR94500", "1.00", Map.of()),
                item("BANK-NAMED", "PAT-HOME", "XTR94500", "1.00", Map.of("BeneficiaryBankID", "BNK-SIDE")),
                item("WALLET-INDIVIDUAL", PAYEE, "XTR94502", "1.00", Map.of()),
                item("WALLET-COMPANY", "ORG-1", "XTR94504", "1.00", Map.of()),
                item("PREPAID-NEW", PAYEE, "XTR94503", "1.00", Map.of()),
                item("PREPAID-NAMED", "PAT-HOME", "XTR94503", "1.00", Map.of("CardId", "CRD-SIDE")),
                item("GIFT", PAYEE, "XTR94505", "1.00", Map.of("Email", "pat@example.com", "SKU", "AMZ-US-25")),
                item("CHECK-NAMED", PAYEE, "XTR94507", "1.00", Map.of("Address", US_ADDRESS)),
                item("CHECK-HOME", "PAT-HOME", "XTR94507", "1.00", Map.of()),
                item("PUSH-DEFAULT", "PAT-HOME", "XTR94508", "1.00", Map.of()),
                item("PUSH-NAMED", "PAT-HOME", "XTR94508", "1.00", Map.of("CardId", "CRD-SIDE")));

        Map<String, Object> receipt = submitted(batch(issuer, items));

        assertThat(rejected(receipt)).isEmpty();
        assertThat(accepted(receipt)).extracting(a -> a.get("CustomerTransactionId"))
                .containsExactlyElementsOf(items.stream().map(i -> i.get("CustomerTransactionId")).toList());
    }

    @Test
    void shouldRejectABankTransferToARecipientWithoutDefaultAccount() {
        api.recipient(issuer, "PAT-SPARE", "Individual");
        api.bankAccount(issuer, "PAT-SPARE", "BNK-SPARE", "USD", false);
        assertThat(rejectedAfterAValidItem(
                item("T1", PAYEE, "XTR94500", "1.00", Map.of()),
                item("T2", "PAT-SPARE", "XTR94500", "1.00", Map.of())))
                .containsExactly("Items[1].Destination DESTINATION_NOT_FOUND", "Items[2].Destination DESTINATION_NOT_FOUND");
    }

    @Test
    void shouldRejectABankAccountOfAnotherRecipientOrIssuer() {
        api.recipient(issuer, "PAT-B", "Individual");
        api.bankAccount(issuer, "PAT-B", "BNK-OF-B", "USD", true);
        Issuer other = api.onboardIssuer("USD", "10.00");
        api.recipient(other, PAYEE, "Individual");
        api.bankAccount(other, PAYEE, "BNK-ELSEWHERE", "USD", true);
        assertThat(rejectedAfterAValidItem(
                item("T1", PAYEE, "XTR94500", "1.00", Map.of("BeneficiaryBankID", "BNK-OF-B")),
                item("T2", PAYEE, "XTR94500", "1.00", Map.of("BeneficiaryBankID", "BNK-ELSEWHERE")),
                item("T3", PAYEE, "XTR94500", "1.00", Map.of("BeneficiaryBankID", "BNK-NOWHERE"))))
                .containsExactly("Items[1].Destination.BeneficiaryBankID DESTINATION_NOT_FOUND",
                        "Items[2].Destination.BeneficiaryBankID DESTINATION_NOT_FOUND",
                        "Items[3].Destination.BeneficiaryBankID DESTINATION_NOT_FOUND");
    }

    @Test
    void shouldRejectABankAccountInAnotherCurrencyThanTheBatch() {
        api.bankAccount(issuer, PAYEE, "BNK-EUR", "EUR", true);
        assertThat(rejectedAfterAValidItem(
                item("T1", PAYEE, "XTR94500", "1.00", Map.of()),
                item("T2", PAYEE, "XTR94500", "1.00", Map.of("BeneficiaryBankID", "BNK-EUR"))))
                .containsExactly("Items[1].Destination CURRENCY_MISMATCH",
                        "Items[2].Destination.BeneficiaryBankID CURRENCY_MISMATCH");
    }

    @Test
    void shouldRequireEmailAndSkuForAGiftCard() {
        assertThat(rejectedAfterAValidItem(
                item("T1", PAYEE, "XTR94505", "1.00", Map.of("SKU", "AMZ-US-25")),
                item("T2", PAYEE, "XTR94505", "1.00", Map.of("Email", "pat@example.com")),
                item("T3", PAYEE, "XTR94505", "1.00", Map.of("Email", "not-an-address", "SKU", "AMZ-US-25"))))
                .containsExactly("Items[1].Destination.Email MISSING_FIELD", "Items[2].Destination.SKU MISSING_FIELD",
                        "Items[3].Destination.Email INVALID_FIELD");
    }

    @Test
    void shouldMailChecksToUsAddressesOnly() {
        api.recipient(issuer, "PAT-CA", "Individual", CA_ADDRESS);
        Map<String, String> incomplete = new HashMap<>(US_ADDRESS);
        incomplete.remove("Line1");
        assertThat(rejectedAfterAValidItem(
                item("T1", PAYEE, "XTR94507", "1.00", Map.of("Address", CA_ADDRESS)),
                item("T2", "PAT-CA", "XTR94507", "1.00", Map.of()),
                item("T3", PAYEE, "XTR94507", "1.00", Map.of("Address", incomplete))))
                .containsExactly("Items[1].Destination.Address.Country COUNTRY_NOT_SUPPORTED",
                        "Items[2].Destination.Address COUNTRY_NOT_SUPPORTED",
                        "Items[3].Destination.Address.Line1 MISSING_FIELD");
    }

    @Test
    void shouldRejectACheckWithoutAddressToARecipientWithoutAddress() {
        assertThat(rejectedAfterAValidItem(item("T1", PAYEE, "XTR94507", "1.00", Map.of())))
                .containsExactly("Items[1].Destination.Address DESTINATION_NOT_FOUND");
    }

    @Test
    void shouldRejectCardsTheRecipientDoesNotHave() {
        api.recipient(issuer, "PAT-C", "Individual");
        api.card(issuer, "PAT-C", "CRD-OF-C", true);
        assertThat(rejectedAfterAValidItem(
                item("T1", PAYEE, "XTR94508", "1.00", Map.of()),
                item("T2", PAYEE, "XTR94508", "1.00", Map.of("CardId", "CRD-OF-C")),
                item("T3", PAYEE, "XTR94503", "1.00", Map.of("CardId", "CRD-OF-C"))))
                .containsExactly("Items[1].Destination DESTINATION_NOT_FOUND",
                        "Items[2].Destination.CardId DESTINATION_NOT_FOUND",
                        "Items[3].Destination.CardId DESTINATION_NOT_FOUND");
    }

    @Test
    void shouldPayOnlyANamedWalletOfTheRecipientInTheBatchCurrency() {
        api.recipient(issuer, "PAT-W", "Individual");
        String eurSource = api.issuerWallet(issuer, "EUR", "100.00");
        String payeeUsd = walletPaid(issuer.walletId(), PAYEE, "W-USD");
        String otherUsd = walletPaid(issuer.walletId(), "PAT-W", "W-OTHER");
        String payeeEur = walletPaid(eurSource, PAYEE, "W-EUR");

        Map<String, Object> receipt = submitted(batch(issuer, List.of(
                item("T0", PAYEE, "XTR94502", "1.00", Map.of("WalletId", payeeUsd)),
                item("T1", PAYEE, "XTR94502", "1.00", Map.of("WalletId", otherUsd)),
                item("T2", PAYEE, "XTR94502", "1.00", Map.of("WalletId", payeeEur)),
                item("T3", PAYEE, "XTR94502", "1.00", Map.of("WalletId", "WAL-nope")),
                item("T4", PAYEE, "XTR94502", "1.00", Map.of("WalletId", issuer.walletId())))));

        assertThat(accepted(receipt)).extracting(a -> a.get("CustomerTransactionId")).containsExactly("T0");
        assertThat(fieldsAndCodes(rejected(receipt))).containsExactly(
                "Items[1].Destination.WalletId WALLET_NOT_FOUND", "Items[2].Destination.WalletId CURRENCY_MISMATCH",
                "Items[3].Destination.WalletId WALLET_NOT_FOUND", "Items[4].Destination.WalletId WALLET_NOT_FOUND");
        Map<String, Object> fromRecipientWallet = refused(api.submit(issuer, Map.of("IssuerAccountNumber",
                issuer.account(), "SourceWalletId", payeeUsd, "Items", List.of(payeeItem("T5")))), 422,
                "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(fromRecipientWallet))).as("a recipient's wallet is no source")
                .containsExactly("SourceWalletId WALLET_NOT_FOUND");
    }

    @Test
    void shouldPayWalletsOfTheRightKindOfRecipientOnly() {
        api.recipient(issuer, "ORG-1", "Company");
        assertThat(rejectedAfterAValidItem(
                item("T1", PAYEE, "XTR94504", "1.00", Map.of()),
                item("T2", "ORG-1", "XTR94502", "1.00", Map.of())))
                .containsExactly("Items[1].SendMethodId INVALID_SEND_METHOD", "Items[2].SendMethodId INVALID_SEND_METHOD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XTR99999", "xtr94500", "XTR94501", "XTR94506", " XTR94500", ""})
    void shouldRejectAnUnknownSendMethod(String method) {
        assertThat(rejectedAfterAValidItem(item("T1", PAYEE, method, "1.00", Map.of())))
                .containsExactly("Items[1].SendMethodId INVALID_SEND_METHOD");
    }

    @Test
    void shouldNotRevealWhetherARecipientOfAnotherIssuerExists() {
        Issuer other = api.onboardIssuer("USD", "10.00");
        api.recipient(other, "PAT-THEIRS", "Individual");

        Map<String, Object> receipt = submitted(batch(issuer, List.of(payeeItem("T0"),
                item("T1", "PAT-THEIRS", "XTR94502", "1.00", Map.of()),
                item("T2", "PAT-NOBODY", "XTR94502", "1.00", Map.of()))));

        List<Map<String, Object>> rejections = rejected(receipt);
        assertThat(fieldsAndCodes(rejections)).containsExactly("Items[1].RecipientId RECIPIENT_NOT_FOUND",
                "Items[2].RecipientId RECIPIENT_NOT_FOUND");
        assertThat(((String) rejections.get(0).get("Message")).replace("PAT-THEIRS", "<id>"))
                .isEqualTo(((String) rejections.get(1).get("Message")).replace("PAT-NOBODY", "<id>"));
    }

    @Test
    void shouldRejectARecipientIdThatCannotBeARecipientId() {
        assertThat(rejectedAfterAValidItem(
                item("T1", PAYEE + "\u0000", "XTR94502", "1.00", Map.of()),
                item("T2", "PAT OK", "XTR94502", "1.00", Map.of()),
                item("T3", "P".repeat(65), "XTR94502", "1.00", Map.of())))
                .containsExactly("Items[1].RecipientId INVALID_FIELD", "Items[2].RecipientId INVALID_FIELD",
                        "Items[3].RecipientId INVALID_FIELD");
    }

    @Test
    void shouldLimitTheDescriptionTo1024Characters() {
        Map<String, Object> longest = new LinkedHashMap<>(payeeItem("T1"));
        longest.put("Description", "d".repeat(1_024));
        Map<String, Object> tooLong = new LinkedHashMap<>(payeeItem("T2"));
        tooLong.put("Description", "d".repeat(1_025));
        Map<String, Object> receipt = submitted(batch(issuer, List.of(longest, tooLong)));
        assertThat(accepted(receipt)).extracting(a -> a.get("CustomerTransactionId")).containsExactly("T1");
        assertThat(fieldsAndCodes(rejected(receipt))).containsExactly("Items[1].Description INVALID_FIELD");
    }

    @Test
    void shouldRequireEveryRequiredItemField() {
        assertThat(rejectedAfterAValidItem(
                item("T1", null, "XTR94502", "1.00", Map.of()),
                item("T2", PAYEE, null, "1.00", Map.of()),
                item("T3", PAYEE, "XTR94502", null, Map.of()),
                item("T4", PAYEE, "XTR94502", "1.00", null)))
                .containsExactly("Items[1].RecipientId MISSING_FIELD", "Items[2].SendMethodId MISSING_FIELD",
                        "Items[3].Amount MISSING_FIELD", "Items[4].Destination MISSING_FIELD");
    }

    @Test
    void shouldRejectFieldsOfTheWrongJsonType() {
        Map<String, Object> numericRecipient = new LinkedHashMap<>(payeeItem("T1"));
        numericRecipient.put("RecipientId", 5510);
        Map<String, Object> stringDestination = new LinkedHashMap<>(payeeItem("T2"));
        stringDestination.put("Destination", "BNK-1");
        Map<String, Object> arrayDestination = new LinkedHashMap<>(payeeItem("T3"));
        arrayDestination.put("Destination", List.of());
        assertThat(rejectedAfterAValidItem(numericRecipient, stringDestination, arrayDestination, "not an object"))
                .containsExactly("Items[1].RecipientId INVALID_FIELD", "Items[2].Destination INVALID_FIELD",
                        "Items[3].Destination INVALID_FIELD", "Items[4] INVALID_FIELD");
    }

    @Test
    void shouldRejectACustomerTransactionIdOutsideTheCharsetOrUsedTwice() {
        assertThat(rejectedAfterAValidItem(payeeItem("T 1"), payeeItem("T/2"), payeeItem("x".repeat(65)),
                payeeItem("VALID-0")))
                .containsExactly("Items[1].CustomerTransactionId INVALID_FIELD",
                        "Items[2].CustomerTransactionId INVALID_FIELD", "Items[3].CustomerTransactionId INVALID_FIELD",
                        "Items[4].CustomerTransactionId DUPLICATE_IN_BATCH");
    }

    // --- money ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"1e3", " 1", "1 ", "-3", "+3", "NaN", "Infinity", "0", "0.00", "1.005", "1.000",
            "1000000.01", "1,00", "1.", ".5", "", "0x10", "\uff11"})
    void shouldRejectAnAmountThatIsNotAPlainPositiveDecimalWithinScaleAndCeiling(String amount) {
        assertThat(rejectedAfterAValidItem(item("T1", PAYEE, "XTR94502", amount, Map.of())))
                .containsExactly("Items[1].Amount INVALID_AMOUNT");
    }

    @Test
    void shouldRejectAnAmountSentAsAJsonNumber() {
        Map<String, Object> decimal = new LinkedHashMap<>(payeeItem("T1"));
        decimal.put("Amount", 1.5);
        Map<String, Object> integer = new LinkedHashMap<>(payeeItem("T2"));
        integer.put("Amount", 2);
        assertThat(rejectedAfterAValidItem(decimal, integer))
                .containsExactly("Items[1].Amount INVALID_AMOUNT", "Items[2].Amount INVALID_AMOUNT");
    }

    @Test
    void shouldAcceptAmountsUpToTheCeilingWithinTheCurrencyScale() {
        Map<String, Object> receipt = submitted(batch(issuer, List.of(
                item("T1", PAYEE, "XTR94502", "1000000.00", Map.of()),
                item("T2", PAYEE, "XTR94502", "1000000", Map.of()),
                item("T3", PAYEE, "XTR94502", "0.01", Map.of()),
                item("T4", PAYEE, "XTR94502", "1.5", Map.of()))));
        assertThat(rejected(receipt)).isEmpty();
        assertThat(receipt).containsEntry("AcceptedCount", 4);
    }

    @Test
    void shouldHoldAJpyBatchToWholeYen() {
        Issuer yen = api.onboardIssuer("JPY", "100000");
        api.recipient(yen, PAYEE, "Individual");
        Map<String, Object> receipt = submitted(batch(yen, List.of(
                item("T1", PAYEE, "XTR94502", "500", Map.of()),
                item("T2", PAYEE, "XTR94502", "1.5", Map.of()),
                item("T3", PAYEE, "XTR94502", "500.0", Map.of()),
                item("T4", PAYEE, "XTR94502", "1000000", Map.of()),
                item("T5", PAYEE, "XTR94502", "1000001", Map.of()))), yen);
        assertThat(accepted(receipt)).extracting(a -> a.get("CustomerTransactionId")).containsExactly("T1", "T4");
        assertThat(fieldsAndCodes(rejected(receipt))).containsExactly("Items[1].Amount INVALID_AMOUNT",
                "Items[2].Amount INVALID_AMOUNT", "Items[4].Amount INVALID_AMOUNT");
    }

    @Test
    void shouldRejectInvalidItemsAloneAndAcceptTheRest() {
        Map<String, Object> receipt = submitted(batch(issuer, List.of(
                item("A", PAYEE, "XTR94502", "1.00", Map.of()),
                item("B", PAYEE, "XTR94502", "1e3", Map.of()),
                item("C", PAYEE, "XTR94502", "2.00", Map.of()),
                item("D", "PAT-NOBODY", "XTR94502", "1.00", Map.of()),
                item("E", PAYEE, "XTR94505", "3.00", Map.of()),
                item("F", PAYEE, "XTR94502", "4.00", Map.of()))));

        assertThat(receipt).containsEntry("Status", "Processing").containsEntry("ReceivedCount", 6)
                .containsEntry("AcceptedCount", 3);
        assertThat(accepted(receipt)).extracting(a -> a.get("CustomerTransactionId") + " " + a.get("Status") + " "
                + a.get("AttemptNo")).containsExactly("A Processing 1", "C Processing 1", "F Processing 1");
        assertThat(rejected(receipt)).extracting(r -> r.get("CustomerTransactionId") + " " + r.get("Field") + " "
                + r.get("ErrorCode")).containsExactly("B Items[1].Amount INVALID_AMOUNT",
                "D Items[3].RecipientId RECIPIENT_NOT_FOUND", "E Items[4].Destination.Email MISSING_FIELD");
    }

    @Test
    void shouldRefuseABatchWhoseItemsAllFailWithEachProblemListed() {
        Map<String, Object> body = refused(api.submit(issuer, batch(issuer, List.of(
                item("A", PAYEE, "XTR94502", "-1", Map.of()),
                item("B", "PAT-NOBODY", "XTR94502", "1.00", Map.of())))), 422, "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).containsExactly("Items[0].Amount INVALID_AMOUNT",
                "Items[1].RecipientId RECIPIENT_NOT_FOUND");
    }

    // --- duplicates and retries -----------------------------------------------------------------

    @Test
    void shouldRefuseTheWholeRequestWhenAnIdBelongsToAnotherBatch() {
        submitted(batchWithId("FIRST", List.of(payeeItem("T1"))));
        Map<String, Object> body = refused(api.submit(issuer, batchWithId("SECOND",
                List.of(payeeItem("T2"), payeeItem("T1")))), 409, "DUPLICATE_TRANSACTION");
        assertThat(fieldsAndCodes(errors(body))).containsExactly("Items[1].CustomerTransactionId DUPLICATE_TRANSACTION");
        assertThat(submitted(batchWithId("THIRD", List.of(payeeItem("T2")))))
                .as("nothing of the refused request was kept: T2 is still free").containsEntry("AcceptedCount", 1);
    }

    @Test
    void shouldRejectAResubmittedItemThatChangedAndKeepTheBatchsSourceWallet() {
        submitted(batchWithId("RETRY", List.of(payeeItem("T1"))));
        Map<String, Object> retry = submitted(batchWithId("RETRY", List.of(
                item("T1", PAYEE, "XTR94502", "2.00", Map.of()), payeeItem("T2"))));
        assertThat(accepted(retry)).extracting(a -> a.get("CustomerTransactionId")).containsExactly("T2");
        assertThat(fieldsAndCodes(rejected(retry))).containsExactly("Items[0].CustomerTransactionId IDEMPOTENCY_MISMATCH");

        String otherWallet = api.issuerWallet(issuer, "USD", "10.00");
        Map<String, Object> body = refused(api.submit(issuer, Map.of("IssuerAccountNumber", issuer.account(),
                "SourceWalletId", otherWallet, "CustomerBatchId", "RETRY", "Items", List.of(payeeItem("T1")))),
                422, "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).containsExactly("SourceWalletId IDEMPOTENCY_MISMATCH");
    }

    @Test
    void shouldAnswer200WhenEveryResubmittedItemAlreadySucceeded() {
        String batchId = (String) submitted(batchWithId("DONE", List.of(payeeItem("T1")))).get("BatchId");
        api.awaitFinal(issuer, batchId);
        // the Batch aggregate learns the outcome from its own processor: until then a retry is a replay (202)
        String[] raw = new String[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> raw[0] = api.submit(issuer,
                batchWithId("DONE", List.of(payeeItem("T1")))).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        Map<String, Object> receipt = ContractBody.receipt(raw[0]);
        assertThat(receipt).containsEntry("BatchId", batchId).containsEntry("AcceptedCount", 0);
        assertThat(fieldsAndCodes(rejected(receipt))).containsExactly("Items[0].CustomerTransactionId ALREADY_COMPLETED");
    }

    // --- server-generated ids -------------------------------------------------------------------

    @Test
    void shouldGenerateHighEntropyUrlSafeIdsThatAreMissingAndEchoThem() {
        Map<String, Object> noIds = Map.of("IssuerAccountNumber", issuer.account(), "SourceWalletId", issuer.walletId(),
                "Items", List.of(item(null, PAYEE, "XTR94502", "1.00", Map.of()),
                        item(null, PAYEE, "XTR94502", "-1", Map.of()),
                        item(null, PAYEE, "XTR94502", "2.00", Map.of())));
        Map<String, Object> first = submitted(noIds);
        Map<String, Object> second = submitted(noIds);

        List<String> generated = new ArrayList<>();
        for (Map<String, Object> receipt : List.of(first, second)) {
            generated.add((String) receipt.get("CustomerBatchId"));
            accepted(receipt).forEach(a -> generated.add((String) a.get("CustomerTransactionId")));
            rejected(receipt).forEach(r -> generated.add((String) r.get("CustomerTransactionId")));
        }
        assertThat(generated).hasSize(8).doesNotHaveDuplicates().allSatisfy(SubmissionValidationIT::isHighEntropyId)
                .as("a generated id can be sent back on a retry").allMatch(id -> id.matches("[A-Za-z0-9._:-]{1,64}"));
        assertThat(List.of(first.get("BatchId"), second.get("BatchId"))).doesNotHaveDuplicates()
                .allSatisfy(id -> isHighEntropyId((String) id));
        assertThat(accepted(first)).allSatisfy(a -> isHighEntropyId((String) a.get("TransactionId")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/API/v4/Fund/BatchTransfer?CustomerBatchId=" + first.get("CustomerBatchId"))
                        .headers(h -> h.setBearerAuth(issuer.apiKey())).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.BatchId").isEqualTo(first.get("BatchId")));
    }

    /** URL-safe, and at least 21 base64url characters after the kind prefix: 126 bits, over the 122 required. */
    private static void isHighEntropyId(String id) {
        assertThat(id).matches("[A-Za-z0-9_-]+");
        assertThat(id.replaceFirst("^[A-Za-z]{1,4}[_-]", "")).hasSizeGreaterThanOrEqualTo(21);
    }

    // --- transport ------------------------------------------------------------------------------

    @Test
    void shouldRefuseABodyOver10MiB() {
        byte[] body = paddedBody(10 * 1024 * 1024 + 1);
        refused(api.submitRaw(issuer, "application/json", body), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void shouldReadABodyOfJust10MiB() {
        byte[] body = paddedBody(10 * 1024 * 1024);
        String raw = api.submitRaw(issuer, "application/json", body).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(ContractBody.receipt(raw)).containsEntry("AcceptedCount", 1);
    }

    @Test
    void shouldRefuseABodyThatIsNotUtf8() {
        byte[] latin1 = ("{\"IssuerAccountNumber\": \"" + issuer.account() + "\", \"SourceWalletId\": \""
                + issuer.walletId() + "\", \"Items\": [{\"CustomerTransactionId\": \"T1\", \"RecipientId\": \"Ren\u00e9\","
                + " \"SendMethodId\": \"XTR94502\", \"Amount\": \"1.00\", \"Destination\": {}}]}")
                .getBytes(StandardCharsets.ISO_8859_1);
        refused(api.submitRaw(issuer, "application/json", latin1), 400, "MALFORMED_JSON");
        byte[] utf16 = new String(latin1, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_16);
        refused(api.submitRaw(issuer, "application/json", utf16), 400, "MALFORMED_JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Items\": [", "{\"IssuerAccountNumber\": \"SPN1\"", "hello", "{'Items': []}",
            "{\"Items\": [] } trailing", " "})
    void shouldRefuseABodyThatIsNotJson(String body) {
        refused(api.submitRaw(issuer, "application/json", body.getBytes(StandardCharsets.UTF_8)), 400,
                "MALFORMED_JSON");
    }

    @Test
    void shouldSayWhereABodyStopsBeingJson() {
        Map<String, Object> body = refused(api.submitRaw(issuer, "application/json",
                "{\n  \"IssuerAccountNumber\": \"SPN1\",\n  \"Items\": [}\n".getBytes(StandardCharsets.UTF_8)), 400,
                "MALFORMED_JSON");
        assertThat((String) body.get("Message")).startsWith("The body is not valid JSON at line 3, column 13: ");
    }

    @Test
    void shouldRefuseAnEmptyBody() {
        refused(api.submitRaw(issuer, "application/json", new byte[0]), 400, "MALFORMED_JSON");
    }

    @Test
    void shouldRefuseAJsonValueThatIsNotAnObject() {
        Map<String, Object> body = refused(api.submitRaw(issuer, "application/json",
                "[1, 2]".getBytes(StandardCharsets.UTF_8)), 422, "VALIDATION_FAILED");
        assertThat(fieldsAndCodes(errors(body))).contains("$ INVALID_FIELD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void shouldRefuseAnotherContentTypeWithTheContractBody(String contentType) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> error = refused(api.submitRaw(issuer, contentType, body), 415, "INVALID_FIELD");
        assertThat(fieldsAndCodes(errors(error))).containsExactly("Content-Type INVALID_FIELD");
    }

    @Test
    void shouldAnswerAnUnknownRouteWithNotFound() {
        for (String path : List.of("/API/v4/Fund/BatchTransfers", "/API/v4/Nope", "/nope")) {
            refused(http.post().uri(path).headers(h -> h.setBearerAuth(issuer.apiKey()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), 404, "NOT_FOUND");
        }
    }

    @Test
    void shouldAnswerAWrongMethodWithTheContractBody() {
        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            var result = http.method(method).uri("/API/v4/Fund/BatchTransfer")
                    .headers(h -> h.setBearerAuth(issuer.apiKey())).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange().expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).as("%s answered", method).isEqualTo(405);
            ContractBody.error(result.getResponseBody());
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Map<String, Object> payeeItem(String customerTransactionId) {
        return walletItem(customerTransactionId, PAYEE, "XTR94502", "1.00");
    }

    private static List<Map<String, Object>> payeeItems(String prefix, int count) {
        List<Map<String, Object>> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(payeeItem(prefix + i));
        }
        return items;
    }

    private Map<String, Object> batchWithId(String customerBatchId, List<Map<String, Object>> items) {
        return Map.of("IssuerAccountNumber", issuer.account(), "SourceWalletId", issuer.walletId(),
                "CustomerBatchId", customerBatchId, "Items", items);
    }

    /** A batch of a valid wallet item (index 0) followed by {@code items}: the rejections, as "Field ErrorCode". */
    private List<String> rejectedAfterAValidItem(Object... items) {
        List<Object> all = new ArrayList<>();
        all.add(payeeItem("VALID-0"));
        all.addAll(List.of(items));
        Map<String, Object> receipt = submitted(Map.of("IssuerAccountNumber", issuer.account(),
                "SourceWalletId", issuer.walletId(), "Items", all));
        assertThat(accepted(receipt)).extracting(a -> a.get("CustomerTransactionId")).containsExactly("VALID-0");
        assertThat(receipt).containsEntry("ReceivedCount", all.size());
        return fieldsAndCodes(rejected(receipt));
    }

    private Map<String, Object> submitted(Object batch) {
        return submitted(batch, issuer);
    }

    private Map<String, Object> submitted(Object batch, Issuer by) {
        String raw = api.submit(by, batch).expectStatus().isAccepted().expectBody(String.class).returnResult()
                .getResponseBody();
        return ContractBody.receipt(raw);
    }

    /** The error answer, checked for its status, catalog shape and top-level code. */
    private static Map<String, Object> refused(WebTestClient.ResponseSpec response, int status, String errorCode) {
        String raw = response.expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
                .getResponseBody();
        Map<String, Object> body = ContractBody.error(raw);
        assertThat(body.get("ErrorCode")).as(raw).isEqualTo(errorCode);
        return body;
    }

    /** Pays {@code recipient} once from {@code source} and answers the recipient wallet the item was credited to. */
    private String walletPaid(String source, String recipient, String customerTransactionId) {
        String batchId = (String) submitted(Map.of("IssuerAccountNumber", issuer.account(), "SourceWalletId", source,
                "Items", List.of(walletItem(customerTransactionId, recipient, "XTR94502", "1.00")))).get("BatchId");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.awaitFinal(issuer, batchId).get("Items");
        return (String) items.get(0).get("WalletId");
    }

    /** A valid one-item batch padded with an unknown field (ignored by contract) to exactly {@code size} bytes. */
    private byte[] paddedBody(int size) {
        String head = "{\"IssuerAccountNumber\": \"" + issuer.account() + "\", \"SourceWalletId\": \""
                + issuer.walletId() + "\", \"Items\": [{\"CustomerTransactionId\": \"PAD-" + size
                + "\", \"RecipientId\": \"" + PAYEE + "\", \"SendMethodId\": \"XTR94502\", \"Amount\": \"1.00\","
                + " \"Destination\": {}}], \"Padding\": \"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
