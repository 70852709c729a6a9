package io.masspay.infra.limits;

import io.masspay.infra.web.ErrorWriter;
import io.masspay.kernel.error.ErrorCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/** The one shape of every 429: the contract's error body with {@code RATE_LIMITED} and a {@code Retry-After}. */
@Component
public class TooManyRequests {

    private final ErrorWriter errors;

    TooManyRequests(ErrorWriter errors) {
        this.errors = errors;
    }

    public Mono<Void> write(ServerWebExchange exchange, long retryAfterSeconds, String message) {
        exchange.getResponse().getHeaders().set(RetryAfter.HEADER, Long.toString(retryAfterSeconds));
        return errors.write(exchange, 429, ErrorCode.RATE_LIMITED, message, List.of());
    }
}
