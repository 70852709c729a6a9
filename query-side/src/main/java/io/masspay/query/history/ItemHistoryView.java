package io.masspay.query.history;

import java.util.List;

/** The body of {@code GET .../Items/{CustomerTransactionId}/History} (API.md section 4). */
record ItemHistoryView(String customerTransactionId, String transactionId, String status, List<Attempt> attempts) {

    record Attempt(int attemptNo, String status, String errorCode, String startedAt, String finishedAt,
                   List<Step> steps) {
    }

    record Step(String step, String at) {
    }
}
