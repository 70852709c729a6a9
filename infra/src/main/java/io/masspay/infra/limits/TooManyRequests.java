package io.masspay.infra.limits;

import io.masspay.infra.web.ErrorWriter;
import io.masspay.kernel.error.ErrorCode;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The one shape of every 429: the contract's error body with {@code RATE_LIMITED} and a {@code Retry-After}.
 * A refused request's body is read and dropped first (buffer by buffer, nothing kept; the endpoint's size cap
 * and the read timeout still apply): answering while the client is still sending makes the server close the
 * connection, and the client would see a reset instead of the 429 that tells it when to come back.
 */
@Component
public class TooManyRequests {

    private final ErrorWriter errors;

    TooManyRequests(ErrorWriter errors) {
        this.errors = errors;
    }

    public Mono<Void> write(ServerWebExchange exchange, long retryAfterSeconds, String message) {
        exchange.getResponse().getHeaders().set(RetryAfter.HEADER, Long.toString(retryAfterSeconds));
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release)
                .onErrorComplete()
                .then(Mono.defer(() -> errors.write(exchange, 429, ErrorCode.RATE_LIMITED, message, List.of())));
    }
}
