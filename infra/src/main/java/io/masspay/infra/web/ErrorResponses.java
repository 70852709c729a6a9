package io.masspay.infra.web;

import io.masspay.infra.db.SqlStates;
import io.masspay.infra.limits.RetryAfter;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.error.RateLimited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * The single place that turns failures into the contract's error body. Known refusals keep their
 * catalog code; anything unexpected is logged here and answered 500 INTERNAL_ERROR without a trace.
 * Ordered before Boot's default handler, which would otherwise answer in its own shape.
 */
@Component
@Order(-2)
class ErrorResponses implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    private static final String NOT_ACCEPTABLE = "Accept excludes every representation of this resource";

    private final ErrorWriter writer;

    ErrorResponses(ErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        MassPayException known = find(failure, MassPayException.class);
        if (known != null) {
            if (known instanceof RateLimited limited) {
                exchange.getResponse().getHeaders().set(RetryAfter.HEADER,
                        Long.toString(RetryAfter.seconds(limited.retryAfter())));
            }
            return write(exchange, known.errorCode().httpStatus(), known.errorCode(), known.getMessage(), known.errors());
        }
        BodyTooLarge capped = find(failure, BodyTooLarge.class);
        if (capped != null) {
            return write(exchange, 413, ErrorCode.PAYLOAD_TOO_LARGE, capped.getMessage(), List.of());
        }
        if (find(failure, DataBufferLimitException.class) != null) {
            return write(exchange, 413, ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than 10 MiB", List.of());
        }
        // Spring raises 415 both as UnsupportedMediaTypeStatusException and, reading a form, as a plain status
        if (failure instanceof ResponseStatusException unsupported && unsupported.getStatusCode().value() == 415) {
            String message = "Content-Type must be " + (unsupported instanceof UnsupportedMediaTypeStatusException media
                    ? accepted(media) : "application/json");
            return write(exchange, 415, ErrorCode.INVALID_FIELD, message,
                    List.of(new FieldError("Content-Type", ErrorCode.INVALID_FIELD, message)));
        }
        if (failure instanceof ServerWebInputException) {
            return write(exchange, 400, ErrorCode.MALFORMED_JSON, "The body is not valid UTF-8 JSON of the expected shape",
                    List.of());
        }
        if (failure instanceof NotAcceptableStatusException) {
            // an Accept header that excludes JSON (or is no media type at all) is the client's mistake, not ours
            return write(exchange, 406, ErrorCode.INVALID_FIELD, NOT_ACCEPTABLE,
                    List.of(new FieldError("Accept", ErrorCode.INVALID_FIELD, NOT_ACCEPTABLE)));
        }
        if (failure instanceof MethodNotAllowedException) {
            return write(exchange, 405, ErrorCode.NOT_FOUND, "Method not allowed on this path", List.of());
        }
        if (failure instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return write(exchange, 404, ErrorCode.NOT_FOUND, "No such resource", List.of());
        }
        if (failure instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            // any other refusal Spring makes on its own is still the client's: keep its status, in the contract
            return write(exchange, status.getStatusCode().value(), ErrorCode.VALIDATION_FAILED,
                    "The request cannot be processed as sent", List.of());
        }
        // Text PostgreSQL will not store: U+0000 ("invalid byte sequence for encoding UTF8: 0x00", SQLSTATE
        // 22021; 22P05 for other untranslatable characters) or a value longer than its column (22001). The
        // statement fails before anything is written and the request's transaction rolls back, so the client's
        // value is the whole problem: a 422, not a 500. A safety net: fields validated at the edge name themselves.
        if (SqlStates.any(failure, state -> state.equals("22021") || state.equals("22P05"))) {
            return write(exchange, 422, ErrorCode.INVALID_FIELD, "A text value contains a NUL character", List.of());
        }
        if (SqlStates.any(failure, "22001"::equals)) {
            return write(exchange, 422, ErrorCode.INVALID_FIELD, "A text value is longer than its field allows",
                    List.of());
        }
        if (clientWentAway(failure)) {
            // nobody is left to answer; one line at DEBUG, not an ERROR with a stack trace per hang-up (log flooding)
            log.debug("Client went away during {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), failure.toString());
            return Mono.empty();
        }
        if (find(failure, CannotGetJdbcConnectionException.class) != null
                || find(failure, DataAccessResourceFailureException.class) != null || lostTheDatabase(failure)) {
            return write(exchange, 503, ErrorCode.SERVICE_UNAVAILABLE, "The database is unreachable; retry later",
                    List.of());
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure);
        return write(exchange, 500, ErrorCode.INTERNAL_ERROR, "Internal error", List.of());
    }

    /**
     * The client hung up: Reactor Netty's AbortedException, a reset or closed connection. Not the service's
     * failure, and nothing can be written back.
     */
    static boolean clientWentAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AbortedException || t instanceof ClosedChannelException
                    || (t instanceof IOException io && io.getMessage() != null
                    && (io.getMessage().contains("Connection reset") || io.getMessage().contains("Broken pipe")))) {
                return true;
            }
        }
        return false;
    }

    /** What the route takes: application/json everywhere, text/csv too where a batch is submitted. */
    private static String accepted(UnsupportedMediaTypeStatusException unsupported) {
        List<String> types = unsupported.getSupportedMediaTypes().stream()
                .map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList();
        return types.isEmpty() ? "application/json" : String.join(" or ", types);
    }

    private Mono<Void> write(ServerWebExchange exchange, int status, ErrorCode code, String message,
                             List<FieldError> errors) {
        return writer.write(exchange, status, code, message, errors);
    }

    /**
     * The database went away under a request: no connection to be had (Hikari's timeout, also inside a
     * transaction Axon or Spring opens), or a connection broken mid-statement (SQLState class 08, or
     * 57P01-57P03: the server shutting down or starting). Whoever wrapped it (Spring, Axon's own
     * JdbcException, a command execution), it is a 503, never a 500.
     */
    private static boolean lostTheDatabase(Throwable failure) {
        return find(failure, SQLTransientConnectionException.class) != null
                || find(failure, SQLNonTransientConnectionException.class) != null
                || SqlStates.any(failure, state -> state.startsWith("08") || state.startsWith("57P"));
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
