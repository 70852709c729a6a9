package io.masspay.infra.security;

import io.masspay.infra.web.ErrorWriter;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Spring Security's firewall refuses requests whose path holds an encoded NUL, slash, backslash, percent or
 * dot segment (and headers with control characters) before any filter or handler runs. By default it answers
 * 400 with an empty body; a client of this API must get the contract's error body there too. Picked up by
 * the security configuration as the one {@link ServerExchangeRejectedHandler} bean.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    private static final String MESSAGE = "The request path or a header contains characters that are not allowed";

    private final ErrorWriter errors;

    RejectedRequests(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return errors.write(exchange, 400, ErrorCode.INVALID_FIELD, MESSAGE,
                List.of(new FieldError("Path", ErrorCode.INVALID_FIELD, MESSAGE)));
    }
}
