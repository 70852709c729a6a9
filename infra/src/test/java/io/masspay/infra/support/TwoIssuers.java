package io.masspay.infra.support;

import io.masspay.infra.support.MassPayApi.Issuer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.awaitility.Awaitility.await;

/**
 * Two onboarded issuers, each with one of everything an id can name: a recipient with a bank account, a card
 * and a wallet holding money, a finished batch (its TransactionId and CustomerTransactionId), a cash-out, a
 * webhook event. Hostile-input and leak tests put these ids, their own or the other issuer's, in every position.
 */
public final class TwoIssuers {

    /** The ids one issuer owns, by the kind of thing they name. */
    public record Owned(Issuer issuer, String accessToken, String recipientId, String bankId, String cardId,
                        String recipientWalletId, String batchId, String customerBatchId, String customerTransactionId,
                        String transactionId, String cashoutTransactionId, String eventId) {

        public String value(Slot slot) {
            return switch (slot) {
                case ISSUER -> issuer.account();
                case ISSUER_WALLET -> issuer.walletId();
                case RECIPIENT -> recipientId;
                case BANK_ACCOUNT -> bankId;
                case CARD -> cardId;
                case RECIPIENT_WALLET -> recipientWalletId;
                case BATCH -> batchId;
                case CUSTOMER_BATCH -> customerBatchId;
                case CUSTOMER_TRANSACTION -> customerTransactionId;
                case TRANSACTION -> transactionId;
                case CASHOUT_TRANSACTION -> cashoutTransactionId;
                case EVENT -> eventId;
                case SEND_METHOD -> "XTR94500";
            };
        }
    }

    /** The positions an id can take in a path, a query or a body. */
    public enum Slot {
        ISSUER, ISSUER_WALLET, RECIPIENT, BANK_ACCOUNT, CARD, RECIPIENT_WALLET, BATCH, CUSTOMER_BATCH,
        CUSTOMER_TRANSACTION, TRANSACTION, CASHOUT_TRANSACTION, EVENT, SEND_METHOD
    }

    private TwoIssuers() {
    }

    /** Onboards one issuer with everything above; {@code tag} makes its ids its own (PAT-A, BNK-A, ...). */
    @SuppressWarnings("unchecked")
    public static Owned onboard(WebTestClient http, String tag) {
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        String recipient = "PAT-" + tag;
        api.fullRecipient(issuer, recipient);
        http.put().uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Webhook")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("Url", "http://127.0.0.1:9/hook")).exchange().expectStatus().isOk();
        String customerBatchId = "BATCH-" + tag;
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, customerBatchId, List.of(
                item("TX-" + tag, recipient, "XTR94500", "10.00", Map.of()),
                item("KEPT-" + tag, recipient, "XTR94500", "50.91", Map.of()),
                walletItem("WAL-" + tag, recipient, "XTR94502", "5.00")))).get("BatchId");
        Map<String, Object> status = api.awaitFinal(issuer, batchId);
        Map<String, Object> first = ((List<Map<String, Object>>) status.get("Items")).stream()
                .filter(i -> ("TX-" + tag).equals(i.get("CustomerTransactionId"))).findFirst().orElseThrow();
        String recipientWallet = (String) first.get("WalletId");
        String cashout = (String) api.issuerPost(issuer, "/API/v4/Recipients/" + recipient + "/Wallets/"
                        + recipientWallet + "/Cashout", Map.of("SendMethodId", "XTR94508", "Amount", "1.00",
                        "Destination", Map.of()), HttpStatus.ACCEPTED).get("TransactionId");
        String[] eventId = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) api.adminGet("/API/v4/Admin/Issuers/"
                    + issuer.account() + "/Webhook/Deliveries").get("Items");
            eventId[0] = rows.isEmpty() ? null : (String) rows.get(0).get("EventId");
            return eventId[0] != null;
        });
        return new Owned(issuer, accessToken(http, issuer), recipient, "BNK-" + recipient, "CRD-" + recipient,
                recipientWallet, batchId, customerBatchId, "TX-" + tag, (String) first.get("TransactionId"), cashout,
                eventId[0]);
    }

    private static String accessToken(WebTestClient http, Issuer issuer) {
        Map<String, Object> client = new MassPayApi(http).admin("/API/v4/Admin/Issuers/" + issuer.account()
                + "/Credentials", Map.of(), HttpStatus.CREATED);
        Map<?, ?> token = http.post().uri("/oAuth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", (String) client.get("ClientId"))
                        .with("client_secret", (String) client.get("ClientSecret")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) token.get("access_token");
    }
}
