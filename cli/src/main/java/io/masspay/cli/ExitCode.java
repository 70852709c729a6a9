package io.masspay.cli;

/**
 * What {@code masspay} exits with, so scripts and CI jobs can branch on it without parsing output.
 * 1 is kept for "the service did its job but not every payout went through", apart from failures of
 * the call itself (3 and up), because a pipeline usually retries the latter and escalates the former.
 */
public final class ExitCode {

    /** Every item succeeded (or, for reads, the answer was printed). */
    public static final int OK = 0;
    /** The batch is final but not every item is Success: Failed, RetainedInWallet or rejected at submission. */
    public static final int NOT_ALL_SUCCEEDED = 1;
    /** Wrong arguments, a missing token or an unreadable batch file; nothing was sent. */
    public static final int USAGE = 2;
    /** 401 or 403: the token is missing, unknown, expired, or not allowed to do this. */
    public static final int AUTH = 3;
    /** 404: no such batch or item for this token's issuer. */
    public static final int NOT_FOUND = 4;
    /** Any other 4xx: the service refused the request (validation, duplicate, too large, wrong type). */
    public static final int REFUSED = 5;
    /** 5xx or an answer that is not the contract's: the service failed; retrying later may help. */
    public static final int SERVER_ERROR = 6;
    /** No answer: connection refused, timed out, or --timeout passed while waiting for the batch. */
    public static final int NO_ANSWER = 7;

    /** Listed in {@code --help}; kept next to the constants so the two cannot drift apart. */
    public static final String[] DESCRIPTIONS = {
            "0:every item succeeded (reads: the answer was printed)",
            "1:the batch is final but some item is Failed, RetainedInWallet or was rejected at submission",
            "2:usage error: wrong arguments, no token, unreadable batch file",
            "3:HTTP 401/403: token missing, unknown, expired or not allowed",
            "4:HTTP 404: no such batch or item for this issuer",
            "5:HTTP 4xx: the request was refused (validation, duplicate, size, content type)",
            "6:HTTP 5xx or an unexpected answer from the service",
            "7:no answer: connection failed or timed out, or --timeout passed while waiting"};

    private ExitCode() {
    }

    public static int forHttpStatus(int status) {
        if (status == 401 || status == 403) {
            return AUTH;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        if (status >= 400 && status < 500) {
            return REFUSED;
        }
        return SERVER_ERROR;
    }
}
