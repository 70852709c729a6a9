package io.masspay.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.ExitCode;
import io.masspay.cli.text.Json;
import io.masspay.cli.text.Table;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A non-2xx answer, carrying the contract's error body ({@code ErrorCode}, {@code Message}, {@code Errors}). */
public final class ApiException extends RuntimeException {

    /** One entry of {@code Errors}. */
    public record Problem(String field, String errorCode, String message) {
    }

    private final int status;
    private final String errorCode;
    private final List<Problem> problems;
    /** The request that got this answer ({@code GET http://...}), and what to check; null when not known. */
    private final String call;
    private final String hint;

    ApiException(int status, String errorCode, String message, List<Problem> problems) {
        this(status, errorCode, message, problems, null, null);
    }

    private ApiException(int status, String errorCode, String message, List<Problem> problems, String call, String hint) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.problems = List.copyOf(problems);
        this.call = call;
        this.hint = hint;
    }

    /** The same answer, knowing the request it came from and, when the URL itself is suspect, what to check. */
    ApiException calledAs(String request, String urlHint) {
        return new ApiException(status, errorCode, getMessage(), problems, request, urlHint);
    }

    /** Reads the contract's body; anything else (a proxy's HTML page) is shown as its first line. */
    static ApiException from(int status, JsonNode body, String raw) {
        if (body != null && body.hasNonNull("ErrorCode")) {
            List<Problem> problems = new ArrayList<>();
            for (JsonNode e : body.path("Errors")) {
                problems.add(new Problem(Json.text(e, "Field"), Json.text(e, "ErrorCode"), Json.text(e, "Message")));
            }
            return new ApiException(status, Json.text(body, "ErrorCode"), Json.text(body, "Message"), problems);
        }
        String firstLine = raw == null || raw.isBlank() ? "(empty body)" : raw.strip().lines().findFirst().orElse("");
        return new ApiException(status, "", firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine,
                List.of());
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public List<Problem> problems() {
        return problems;
    }

    public int exitCode() {
        return ExitCode.forHttpStatus(status);
    }

    public void print(PrintWriter err) {
        err.println("masspay: HTTP " + status + (errorCode.isEmpty() ? "" : " " + errorCode) + ": " + getMessage());
        if (!problems.isEmpty()) {
            Table table = Table.withHeaders("Field", "ErrorCode", "Message");
            problems.forEach(p -> table.row(p.field(), p.errorCode(), p.message()));
            table.print(err, "  ");
        }
        if (call != null && (status == 404 || errorCode.isEmpty())) {
            // a 404 for a path (not a batch) or a proxy's page: the URL is what went wrong, so show it
            err.println("  Called: " + call);
        }
        if (hint != null) {
            err.println(hint);
        }
        if ("APPROVAL_NOT_ALLOWED".equals(errorCode)) {
            err.println("Approve and reject take an approver credential of the batch's issuer, other than the one "
                    + "that submitted it (--token or MASSPAY_TOKEN).");
        }
        if (status == 401) {
            err.println("Check --token or MASSPAY_TOKEN: an issuer API key, or an access token from POST /oAuth/token.");
        }
        err.flush();
    }
}
