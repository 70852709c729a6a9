package io.masspay.infra.support;

import io.masspay.infra.support.TwoIssuers.Owned;
import io.masspay.infra.support.TwoIssuers.Slot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every endpoint of API.md, as data: method, path with its id slots ({@code {RECIPIENT}}), who may call it,
 * its query parameters with a valid value each, and a valid body for a caller (unique per {@code prefix}).
 * Tests break any part of it on purpose.
 */
public final class Endpoints {

    public enum Caller { ISSUER, OPERATOR, CLIENT_CREDENTIALS }

    public record Endpoint(String method, String template, Caller caller, Map<String, String> query,
                           BiFunction<Owned, String, Map<String, Object>> body) {

        public List<Slot> slots() {
            List<Slot> slots = new ArrayList<>();
            Matcher m = SLOT.matcher(template);
            while (m.find()) {
                slots.add(Slot.valueOf(m.group(1)));
            }
            return slots;
        }

        public boolean hasBody() {
            return body != null;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final Pattern SLOT = Pattern.compile("\\{([A-Z_]+)}");

    private Endpoints() {
    }

    public static final List<Endpoint> ALL = List.of(
            issuer("POST", "/API/v4/Fund/BatchTransfer", Map.of(), (o, p) -> map(
                    "IssuerAccountNumber", o.issuer().account(), "SourceWalletId", o.issuer().walletId(),
                    "CustomerBatchId", p + "B", "Items", List.of(map("CustomerTransactionId", p + "T",
                            "RecipientId", o.recipientId(), "SendMethodId", "XTR94502", "Amount", "0.01",
                            "Destination", map())))),
            issuer("GET", "/API/v4/Fund/BatchTransfer/{BATCH}", paging(Map.of("Status", "Success")), null),
            issuer("GET", "/API/v4/Fund/BatchTransfer", paging(Map.of("CustomerBatchId", "BATCH-A", "Status", "Success")),
                    null),
            issuer("GET", "/API/v4/Fund/BatchTransfer?CustomerBatchId={CUSTOMER_BATCH}", Map.of(), null),
            issuer("GET", "/API/v4/Fund/BatchTransfer/{BATCH}/Items/{CUSTOMER_TRANSACTION}/History", Map.of(), null),
            issuer("GET", "/API/v4/Fund/BatchTransfer/{BATCH}/Report.csv", Map.of(), null),
            issuer("POST", "/API/v4/Recipients", Map.of(), (o, p) -> map("RecipientId", p + "R", "Type", "Individual",
                    "Name", "Fuzz", "Email", "fuzz@example.com", "Country", "US", "Address", map("Line1", "1 Main St",
                            "City", "Springfield", "State", "IL", "PostalCode", "62701", "Country", "US"))),
            issuer("POST", "/API/v4/Recipients/{RECIPIENT}/BankAccounts", Map.of(), (o, p) -> map(
                    "BeneficiaryBankID", p + "K", "Currency", "USD", "Country", "US", "AccountNumber", "000123456789",
                    "RoutingNumber", "021000021", "Default", false)),
            issuer("POST", "/API/v4/Recipients/{RECIPIENT}/Cards", Map.of(), (o, p) -> map("CardId", p + "C",
                    "Last4", "4242", "Network", "Visa", "Default", false)),
            issuer("GET", "/API/v4/Recipients/{RECIPIENT}/Wallets", Map.of(), null),
            issuer("POST", "/API/v4/Recipients/{RECIPIENT}/Wallets/{RECIPIENT_WALLET}/Cashout", Map.of(), (o, p) -> map(
                    "SendMethodId", "XTR94500", "Amount", "0.01", "Destination", map("BeneficiaryBankID", o.bankId()))),
            issuer("GET", "/API/v4/Wallets/{ISSUER_WALLET}", Map.of(), null),
            issuer("GET", "/API/v4/Wallets/{RECIPIENT_WALLET}", Map.of(), null),
            issuer("GET", "/API/v4/Wallets/{RECIPIENT_WALLET}/Entries", paging(Map.of()), null),
            issuer("GET", "/API/v4/Audit/Batches/{BATCH}/Events", Map.of(), null),
            issuer("GET", "/API/v4/Audit/Transactions/{TRANSACTION}/Events", Map.of(), null),
            issuer("GET", "/API/v4/Audit/Transactions/{CASHOUT_TRANSACTION}/Events", Map.of(), null),
            issuer("GET", "/API/v4/Reports/DailyTotals", Map.of("From", "2026-01-01", "To", "2026-12-31"), null),
            operator("POST", "/API/v4/Admin/Issuers", Map.of(), (o, p) -> map("IssuerAccountNumber", p + "I",
                    "Name", "Fuzz issuer")),
            operator("POST", "/API/v4/Admin/Issuers/{ISSUER}/Wallets", Map.of(), (o, p) -> map("Currency", "EUR")),
            operator("POST", "/API/v4/Admin/Issuers/{ISSUER}/Wallets/{ISSUER_WALLET}/Fund", Map.of(), (o, p) -> map(
                    "Amount", "1.00", "Reference", p)),
            operator("POST", "/API/v4/Admin/Issuers/{ISSUER}/Credentials", Map.of(), (o, p) -> map()),
            // revocations of credentials nobody has: a proper call is a 404, so the keys the fuzzing uses live on
            operator("DELETE", "/API/v4/Admin/Issuers/{ISSUER}/ApiKeys/key_0000000000000000", Map.of(), null),
            operator("DELETE", "/API/v4/Admin/Issuers/{ISSUER}/OAuthClients/mpc_nobody", Map.of(), null),
            operator("PUT", "/API/v4/Admin/Issuers/{ISSUER}/Webhook", Map.of(), (o, p) -> map(
                    "Url", "http://127.0.0.1:9/hook", "Secret", "whsec_" + p + "-0123456789abcdef0123456789abcdef")),
            operator("PUT", "/API/v4/Admin/Issuers/{ISSUER}/Limits", Map.of(), (o, p) -> map("MaxItemsPerBatch", 1000)),
            operator("PUT", "/API/v4/Admin/Sandbox/Rails/{SEND_METHOD}", Map.of(), (o, p) -> map("Mode", "Up")),
            operator("GET", "/API/v4/Admin/Ledger/Balances", Map.of(), null),
            operator("GET", "/API/v4/Admin/Sandbox/Payouts", paging(Map.of()), null),
            operator("GET", "/API/v4/Admin/Issuers/{ISSUER}/Webhook/Deliveries", paging(Map.of("Status", "Failing")),
                    null),
            operator("POST", "/API/v4/Admin/Issuers/{ISSUER}/Webhook/Deliveries/{EVENT}/Redeliver", Map.of(), null),
            operator("POST", "/API/v4/Admin/Projections/Rebuild", Map.of(), null),
            operator("GET", "/API/v4/Admin/Projections", Map.of(), null),
            new Endpoint("POST", "/oAuth/token", Caller.CLIENT_CREDENTIALS, Map.of(), (o, p) -> map(
                    "grant_type", "client_credentials", "client_id", "mpc_unknown", "client_secret", "nope")));

    /** The issuer endpoints that name one of the issuer's own resources in their path. */
    public static List<Endpoint> issuerResources() {
        return ALL.stream().filter(e -> e.caller() == Caller.ISSUER && !e.slots().isEmpty()).toList();
    }

    /** The path with each slot filled by {@code fill} (already encoded as it should go on the wire). */
    public static String path(Endpoint endpoint, java.util.function.Function<Slot, String> fill) {
        Matcher m = SLOT.matcher(endpoint.template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(fill.apply(Slot.valueOf(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Endpoint issuer(String method, String template, Map<String, String> query,
                                   BiFunction<Owned, String, Map<String, Object>> body) {
        return new Endpoint(method, template, Caller.ISSUER, query, body);
    }

    private static Endpoint operator(String method, String template, Map<String, String> query,
                                     BiFunction<Owned, String, Map<String, Object>> body) {
        return new Endpoint(method, template, Caller.OPERATOR, query, body);
    }

    private static Map<String, String> paging(Map<String, String> more) {
        Map<String, String> query = new LinkedHashMap<>(more);
        query.put("Page", "1");
        query.put("PageSize", "10");
        return query;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A mutable, ordered map from alternating keys and values. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1] instanceof List<?> list
                    ? new ArrayList<>(list) : keysAndValues[i + 1]);
        }
        return map;
    }
}
