package io.masspay.infra.reads;

import io.masspay.infra.projections.ReadModels;
import io.masspay.query.status.BatchStatusProjection;
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
 *
 * <p>A batch's status and the batch list read the status model only ({@code batch_view}, {@code batch_item_view})
 * and wait for it alone (ADR 0023): a client polling its status is not held back by the ledger or the item
 * history working through another issuer's large batch. Every other read waits for all of them, to be safe
 * when a read joins views; keep {@link #STATUS_ONLY} to reads of the status model.
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

    /** {@code GET /API/v4/Fund/BatchTransfer} (list, or by CustomerBatchId) and {@code .../BatchTransfer/{id}}. */
    private static final Pattern STATUS_ONLY = Pattern.compile("/API/v4/Fund/BatchTransfer(/[^/]+)?");
    private static final List<String> STATUS_MODEL = List.of(BatchStatusProjection.GROUP);

    private final ReadBarrier barrier;

    ReadYourWrites(ReadBarrier barrier) {
        this.barrier = barrier;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod()) || !held(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return barrier.caughtUp(readModels(exchange.getRequest().getPath().value()))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    /** The read models a read of this path reads. */
    static List<String> readModels(String path) {
        return STATUS_ONLY.matcher(path).matches() ? STATUS_MODEL : ReadModels.GROUPS;
    }

    static boolean held(String path) {
        return HELD.stream().anyMatch(p -> p.matcher(path).matches());
    }
}
