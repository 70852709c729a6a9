package io.masspay.infra.reads;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Holds every read of a read model (API.md section 10) until the read models show what was stored when it
 * arrived ({@link ReadBarrier}). One place for all of them, so a new read of these paths cannot forget it.
 * Runs after authentication (no order: last), so a refused call costs nothing. Operator monitoring reads
 * (projections, deliveries, sandbox) are not held: they must answer while the read models are behind.
 */
@Component
class ReadYourWrites implements WebFilter {

    private static final List<Pattern> HELD = List.of(
            Pattern.compile("/API/v4/Fund/BatchTransfer(/.*)?"),
            Pattern.compile("/API/v4/Wallets(/.*)?"),
            Pattern.compile("/API/v4/Recipients/[^/]+/Wallets"),
            Pattern.compile("/API/v4/Audit/.*"),
            Pattern.compile("/API/v4/Reports/.*"),
            Pattern.compile("/API/v4/Admin/Ledger/.*"));

    private final ReadBarrier barrier;

    ReadYourWrites(ReadBarrier barrier) {
        this.barrier = barrier;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod()) || !held(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return barrier.caughtUp().then(Mono.defer(() -> chain.filter(exchange)));
    }

    static boolean held(String path) {
        return HELD.stream().anyMatch(p -> p.matcher(path).matches());
    }
}
