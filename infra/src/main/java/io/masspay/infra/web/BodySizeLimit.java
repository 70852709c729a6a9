package io.masspay.infra.web;

import io.masspay.kernel.error.ErrorCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Refuses a body announced as larger than 10 MiB before reading a byte of it (413). A body without a
 * Content-Length (chunked) is still capped while it is read, by the codec limit
 * {@code spring.codec.max-in-memory-size}, which ends in the same 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit implements WebFilter {

    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    private final ErrorWriter errors;

    BodySizeLimit(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > MAX_BODY_BYTES) {
            return errors.write(exchange, 413, ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than 10 MiB", List.of());
        }
        return chain.filter(exchange);
    }
}
