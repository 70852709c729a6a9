package io.masspay.infra.web;

import io.masspay.kernel.error.ErrorCode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps the body of every request by endpoint (ADR 0015): 10 MiB for batch submission, a few KiB for
 * {@code POST /oAuth/token}, 64 KiB for everything else. A body announced as larger (Content-Length) is
 * refused before a byte of it is read; a body without a length (chunked) is counted while it arrives and
 * fails with {@link BodyTooLarge} as soon as it passes the cap, so no reader ever holds more than the cap.
 * Both end in 413 PAYLOAD_TOO_LARGE with the contract's error body. Runs first, before authentication:
 * an anonymous caller cannot make the service read more than the smallest cap either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(BodyLimitSettings.class)
class BodyLimits implements WebFilter {

    static final String BATCH_SUBMISSION = "/API/v4/Fund/BatchTransfer";
    static final String TOKEN = "/oAuth/token";
    /** Rail callbacks drain and refuse their own oversized bodies (RailCallbacksController). */
    static final String RAIL_CALLBACKS_PREFIX = "/API/v4/Rails/";

    private final ErrorWriter errors;
    private final BodyLimitSettings settings;

    BodyLimits(ErrorWriter errors, BodyLimitSettings settings) {
        this.errors = errors;
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        DataSize limit = limitFor(request.getPath().pathWithinApplication().value());
        if (request.getHeaders().getContentLength() > limit.toBytes()) {
            BodyTooLarge refusal = new BodyTooLarge(limit);
            return errors.write(exchange, 413, ErrorCode.PAYLOAD_TOO_LARGE, refusal.getMessage(), List.of());
        }
        return chain.filter(exchange.mutate().request(new Capped(request, limit)).build());
    }

    DataSize limitFor(String path) {
        if (path.equals(BATCH_SUBMISSION) || path.startsWith(RAIL_CALLBACKS_PREFIX)) {
            return settings.batch();
        }
        return path.equals(TOKEN) ? settings.token() : settings.other();
    }

    /** The body as it arrives, failing once it has passed the cap; the buffer that passed it is released. */
    private static final class Capped extends ServerHttpRequestDecorator {

        private final DataSize limit;

        Capped(ServerHttpRequest delegate, DataSize limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong read = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (read.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLarge(limit));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
