package io.masspay.infra.web;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Spring negotiates the answer's media type after the handler has run. For a call that writes (a batch
 * submitted, a wallet funded) that is too late: the client would read 406 for a request that was carried out.
 * So every call that is not a read is refused up front, 406 and nothing done, when its {@code Accept} header
 * does not allow JSON (the only thing these calls answer with) or is no media type at all.
 */
@Component
class AcceptBeforeWrites implements WebFilter {

    private static final String MESSAGE = "Accept excludes application/json, the only answer of this call";

    private final ErrorWriter errors;

    AcceptBeforeWrites(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                || acceptsJson(exchange)) {
            return chain.filter(exchange);
        }
        return errors.write(exchange, 406, ErrorCode.INVALID_FIELD, MESSAGE,
                List.of(new FieldError("Accept", ErrorCode.INVALID_FIELD, MESSAGE)));
    }

    private static boolean acceptsJson(ServerWebExchange exchange) {
        try {
            List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
            return accepted.isEmpty() || accepted.stream().anyMatch(m -> m.isCompatibleWith(MediaType.APPLICATION_JSON));
        } catch (InvalidMediaTypeException notAMediaType) {
            return false;
        }
    }
}
