package io.masspay.infra.contract;

import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer of the service must look like on the wire (API.md conventions and section 8):
 * an error is {@code {"ErrorCode", "Message", "Errors": [{"Field", "ErrorCode", "Message"}]}} with
 * codes from the closed catalog, and no body ever carries a stack trace or an exception's class name.
 */
final class ContractBody {

    /** The synchronous codes of API.md section 8: the only ones a request may be answered with. */
    static final Set<String> SYNCHRONOUS_CODES = Set.of("UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "MALFORMED_JSON",
            "VALIDATION_FAILED", "MISSING_FIELD", "INVALID_FIELD", "INVALID_AMOUNT", "INVALID_SEND_METHOD",
            "RECIPIENT_NOT_FOUND", "WALLET_NOT_FOUND", "DESTINATION_NOT_FOUND", "COUNTRY_NOT_SUPPORTED",
            "CURRENCY_MISMATCH", "DUPLICATE_IN_BATCH", "DUPLICATE_TRANSACTION", "IDEMPOTENCY_MISMATCH",
            "ALREADY_COMPLETED", "BATCH_TOO_LARGE", "PAYLOAD_TOO_LARGE", "INSUFFICIENT_FUNDS", "SERVICE_UNAVAILABLE",
            "RATE_LIMITED");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at io.masspay", "at org.", "at java.",
            "io.masspay.", "org.springframework", "Caused by");

    private ContractBody() {
    }

    /** Parses an error answer and checks its shape; returns it for the caller's own assertions. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> error(String raw) {
        assertNoLeak(raw);
        Map<String, Object> body = JSON.readValue(raw, Map.class);
        assertThat(body).containsOnlyKeys("ErrorCode", "Message", "Errors");
        assertThat(SYNCHRONOUS_CODES).as("ErrorCode of %s", raw).contains((String) body.get("ErrorCode"));
        assertThat(body.get("Message")).isInstanceOf(String.class);
        for (Map<String, Object> e : errors(body)) {
            assertThat(e).containsOnlyKeys("Field", "ErrorCode", "Message");
            assertThat(SYNCHRONOUS_CODES).as("Errors[].ErrorCode of %s", raw).contains((String) e.get("ErrorCode"));
            assertThat(e.get("Field")).isInstanceOf(String.class);
        }
        return body;
    }

    /** Parses a 200/202 receipt of API.md section 2 and checks its shape. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> receipt(String raw) {
        assertNoLeak(raw);
        Map<String, Object> body = JSON.readValue(raw, Map.class);
        assertThat(body).containsKeys("BatchId", "CustomerBatchId", "Status", "ReceivedCount", "AcceptedCount",
                "Accepted", "Rejected");
        assertThat(accepted(body)).hasSize((Integer) body.get("AcceptedCount"));
        for (Map<String, Object> r : rejected(body)) {
            assertThat(SYNCHRONOUS_CODES).as("Rejected[].ErrorCode of %s", raw).contains((String) r.get("ErrorCode"));
            assertThat(r.get("Field")).isInstanceOf(String.class);
            assertThat(r.get("CustomerTransactionId")).isInstanceOf(String.class);
        }
        return body;
    }

    static void assertNoLeak(String raw) {
        for (String leak : LEAKS) {
            assertThat(raw).as("an answer must never leak internals").doesNotContain(leak);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("Errors");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> accepted(Map<String, Object> receipt) {
        return (List<Map<String, Object>>) receipt.get("Accepted");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rejected(Map<String, Object> receipt) {
        return (List<Map<String, Object>>) receipt.get("Rejected");
    }

    /** "Field ErrorCode" per entry, the compact form the tests compare. */
    static List<String> fieldsAndCodes(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> e.get("Field") + " " + e.get("ErrorCode")).toList();
    }
}
