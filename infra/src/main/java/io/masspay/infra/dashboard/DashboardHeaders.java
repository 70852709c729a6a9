package io.masspay.infra.dashboard;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The dashboard's Content-Security-Policy (and no referrer, no type sniffing) on every response under
 * {@code /dashboard}: the page route, {@code /dashboard/index.html} (the same page, served as a static file),
 * its scripts and styles, and any 404 there. A policy set only on the route left the same page unprotected at
 * its other address.
 */
@Component
class DashboardHeaders implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/dashboard") || path.startsWith("/dashboard/")) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", DashboardRoutes.CONTENT_SECURITY_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Content-Type-Options", "nosniff");
        }
        return chain.filter(exchange);
    }
}
