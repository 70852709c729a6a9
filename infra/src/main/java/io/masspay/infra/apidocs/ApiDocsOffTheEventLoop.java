package io.masspay.infra.apidocs;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * springdoc builds the OpenAPI document inside the handler call of the first {@code /v3/api-docs} request:
 * seconds of reflection (4 s measured on a busy 2-core machine, 15-20 s under heavy load). On a Netty event
 * loop that would stall every other connection served by that loop meanwhile, so these requests are
 * handled on the bounded elastic scheduler instead. Later requests are served from springdoc's cache.
 */
@Component
class ApiDocsOffTheEventLoop implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/v3/api-docs")) {
            return chain.filter(exchange).subscribeOn(Schedulers.boundedElastic());
        }
        return chain.filter(exchange);
    }
}
