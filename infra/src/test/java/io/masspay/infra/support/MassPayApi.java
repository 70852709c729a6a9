package io.masspay.infra.support;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The public API as a test uses it: onboarding through the admin calls, then issuer calls with the
 * issued API key. Everything goes over HTTP, as a client would.
 */
public final class MassPayApi {

    public static final String OPERATOR_TOKEN = "test-operator-token-of-32-characters-or-more";

    private final WebTestClient http;

    public MassPayApi(WebTestClient http) {
        this.http = http;
    }

    /** For calls this class has no helper for. */
    public WebTestClient http() {
        return http;
    }

    /** An onboarded issuer: its account, a funded wallet in {@code currency} and an API key. */
    public record Issuer(String account, String walletId, String apiKey) {
    }

    public Issuer onboardIssuer(String currency, String funding) {
        String account = "SPN" + UUID.randomUUID().toString().substring(0, 8);
        admin("/API/v4/Admin/Issuers", Map.of("IssuerAccountNumber", account, "Name", "Issuer " + account),
                HttpStatus.CREATED);
        String wallet = (String) admin("/API/v4/Admin/Issuers/" + account + "/Wallets", Map.of("Currency", currency),
                HttpStatus.CREATED).get("WalletId");
        admin("/API/v4/Admin/Issuers/" + account + "/Wallets/" + wallet + "/Fund",
                Map.of("Amount", funding, "Reference", "test funding"), HttpStatus.OK);
        String apiKey = (String) admin("/API/v4/Admin/Issuers/" + account + "/Credentials", Map.of(),
                HttpStatus.CREATED).get("ApiKey");
        return new Issuer(account, wallet, apiKey);
    }

    /**
     * The issuer's approval threshold (API.md section 11): its batches whose accepted total reaches it await an
     * approver.
     */
    public void approvalThreshold(Issuer issuer, String threshold) {
        http.put().uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Approvals")
                .headers(h -> h.setBearerAuth(OPERATOR_TOKEN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("Threshold", threshold)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.Threshold").isEqualTo(threshold);
    }

    /** One more credential of the issuer, with this role ({@code Submitter} or {@code Approver}): its API key. */
    public String credential(Issuer issuer, String role) {
        return (String) admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Credentials", Map.of("Role", role),
                HttpStatus.CREATED).get("ApiKey");
    }

    public String recipient(Issuer issuer, String recipientId, String type) {
        return (String) issuerPost(issuer, "/API/v4/Recipients", Map.of("RecipientId", recipientId, "Type", type,
                "Name", "Recipient " + recipientId, "Email", recipientId.toLowerCase() + "@example.com",
                "Country", "US")).get("RecipientId");
    }

    /** A recipient with a postal address ({@code Line1}, {@code City}, {@code PostalCode}, {@code Country}, ...). */
    public String recipient(Issuer issuer, String recipientId, String type, Map<String, String> address) {
        return (String) issuerPost(issuer, "/API/v4/Recipients", Map.of("RecipientId", recipientId, "Type", type,
                "Name", "Recipient " + recipientId, "Email", recipientId.toLowerCase() + "@example.com",
                "Country", address.get("Country"), "Address", address)).get("RecipientId");
    }

    public String bankAccount(Issuer issuer, String recipientId, String bankId, String currency, boolean isDefault) {
        return (String) issuerPost(issuer, "/API/v4/Recipients/" + recipientId + "/BankAccounts",
                Map.of("BeneficiaryBankID", bankId, "Currency", currency, "Country", "US",
                        "AccountNumber", "000123456789", "RoutingNumber", "021000021", "Default", isDefault))
                .get("BeneficiaryBankID");
    }

    public String card(Issuer issuer, String recipientId, String cardId, boolean isDefault) {
        return (String) issuerPost(issuer, "/API/v4/Recipients/" + recipientId + "/Cards",
                Map.of("CardId", cardId, "Last4", "4242", "Network", "Visa", "Default", isDefault)).get("CardId");
    }

    /** A second (or third) wallet of an onboarded issuer, funded. */
    public String issuerWallet(Issuer issuer, String currency, String funding) {
        String wallet = (String) admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets",
                Map.of("Currency", currency), HttpStatus.CREATED).get("WalletId");
        admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + wallet + "/Fund",
                Map.of("Amount", funding, "Reference", "test funding"), HttpStatus.OK);
        return wallet;
    }

    public WebTestClient.ResponseSpec limits(Issuer issuer, int maxItemsPerBatch) {
        return http.put().uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Limits")
                .headers(h -> h.setBearerAuth(OPERATOR_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("MaxItemsPerBatch", maxItemsPerBatch))
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> issuerPost(Issuer issuer, String path, Map<String, ?> body) {
        return http.post().uri(path)
                .headers(h -> h.setBearerAuth(issuer.apiKey()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A recipient with a US address, a default USD bank account and a default debit card. */
    public String fullRecipient(Issuer issuer, String recipientId) {
        recipient(issuer, recipientId, "Individual", Map.of("Line1", "1 Main St", "City", "Springfield", "State", "IL",
                "PostalCode", "62701", "Country", "US"));
        bankAccount(issuer, recipientId, "BNK-" + recipientId, "USD", true);
        card(issuer, recipientId, "CRD-" + recipientId, true);
        return recipientId;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> issuerPost(Issuer issuer, String path, Map<String, ?> body, HttpStatus expected) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(issuer.apiKey()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(expected)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public <T> T issuerGet(Issuer issuer, String path, Class<T> type) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(issuer.apiKey()))
                .exchange().expectStatus().isOk()
                .expectBody(type).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> adminGet(String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(OPERATOR_TOKEN))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    public void railMode(String sendMethodId, String mode) {
        http.put().uri("/API/v4/Admin/Sandbox/Rails/" + sendMethodId).headers(h -> h.setBearerAuth(OPERATOR_TOKEN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("Mode", mode))
                .exchange().expectStatus().isOk();
    }

    /** What the sandbox rails received, one row per idempotency key. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> sandboxPayouts() {
        return (List<Map<String, Object>>) adminGet("/API/v4/Admin/Sandbox/Payouts?PageSize=1000").get("Items");
    }

    /** Waits until the ledger read model is settled (nothing in transit or clearing) and returns the balances. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> settledLedger(String currency) {
        Map<String, Object>[] row = new Map[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> currencies = (List<Map<String, Object>>) adminGet("/API/v4/Admin/Ledger/Balances")
                    .get("Currencies");
            row[0] = currencies.stream().filter(c -> currency.equals(c.get("Currency"))).findFirst().orElse(null);
            String zero = currency.equals("JPY") ? "0" : "0.00";
            return row[0] != null && zero.equals(row[0].get("InTransit")) && zero.equals(row[0].get("RailClearing"));
        });
        return row[0];
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> admin(String path, Map<String, ?> body, HttpStatus expected) {
        return http.post().uri(path)
                .headers(h -> h.setBearerAuth(OPERATOR_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    public WebTestClient.ResponseSpec submit(Issuer issuer, Object batch) {
        return http.post().uri("/API/v4/Fund/BatchTransfer")
                .headers(h -> h.setBearerAuth(issuer.apiKey()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch)
                .exchange();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> submitAccepted(Issuer issuer, Object batch) {
        return submit(issuer, batch).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A submission as raw bytes, with any Content-Type: for bodies a client library would never send. */
    public WebTestClient.ResponseSpec submitRaw(Issuer issuer, String contentType, byte[] body) {
        return http.post().uri("/API/v4/Fund/BatchTransfer")
                .headers(h -> h.setBearerAuth(issuer.apiKey()))
                .header("Content-Type", contentType)
                .bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec status(Issuer issuer, String batchId, String query) {
        return http.get().uri("/API/v4/Fund/BatchTransfer/" + batchId + (query.isEmpty() ? "" : "?" + query))
                .headers(h -> h.setBearerAuth(issuer.apiKey()))
                .exchange();
    }

    /** Polls the status read model until the batch is final (or the wait times out). */
    public Map<String, Object> awaitFinal(Issuer issuer, String batchId) {
        return awaitStatus(issuer, batchId, MassPayApi::isFinal);
    }

    /** Completed or CompletedWithErrors: not Processing, nor held (Scheduled, AwaitingApproval). */
    public static boolean isFinal(Map<?, ?> status) {
        Object value = status.get("Status");
        return "Completed".equals(value) || "CompletedWithErrors".equals(value);
    }

    /** Polls the status read model until {@code done} holds for the batch's status (first 1,000 items). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> awaitStatus(Issuer issuer, String batchId, Predicate<Map<String, Object>> done) {
        Map<String, Object>[] last = new Map[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var result = status(issuer, batchId, "PageSize=1000").returnResult(Map.class);
            if (result.getStatus().value() != 200) {
                return false;
            }
            last[0] = result.getResponseBody().blockFirst();
            return done.test(last[0]);
        });
        return last[0];
    }

    public static Map<String, Object> batch(Issuer issuer, List<Map<String, Object>> items) {
        return Map.of("IssuerAccountNumber", issuer.account(), "SourceWalletId", issuer.walletId(), "Items", items);
    }

    public static Map<String, Object> batch(Issuer issuer, String customerBatchId, List<Map<String, Object>> items) {
        return Map.of("IssuerAccountNumber", issuer.account(), "SourceWalletId", issuer.walletId(),
                "CustomerBatchId", customerBatchId, "Items", items);
    }

    /** An item; a null value leaves its field out of the request. */
    public static Map<String, Object> item(String customerTransactionId, String recipientId, String method,
                                           String amount, Map<String, ?> destination) {
        Map<String, Object> item = new LinkedHashMap<>();
        putUnlessNull(item, "CustomerTransactionId", customerTransactionId);
        putUnlessNull(item, "RecipientId", recipientId);
        putUnlessNull(item, "SendMethodId", method);
        putUnlessNull(item, "Amount", amount);
        putUnlessNull(item, "Destination", destination);
        return item;
    }

    private static void putUnlessNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    public static Map<String, Object> walletItem(String customerTransactionId, String recipientId, String method,
                                                 String amount) {
        return Map.of("CustomerTransactionId", customerTransactionId, "RecipientId", recipientId,
                "SendMethodId", method, "Amount", amount, "Destination", Map.of());
    }
}
