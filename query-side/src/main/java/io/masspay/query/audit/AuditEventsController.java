package io.masspay.query.audit;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import io.masspay.query.audit.AuditEvents.Scope;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Every stored event of a batch or a transaction, in store order (API.md section 9). The body is
 * streamed a page of events at a time, so a 5,000-item batch (about 20,000 events) never becomes one
 * string in memory; the next page is read only when the client has taken the previous one.
 */
@RestController
class AuditEventsController {

    static final int PAGE = 1000;

    private final AuditEvents events;

    AuditEventsController(AuditEvents events) {
        this.events = events;
    }

    @GetMapping(path = "/API/v4/Audit/Batches/{batchId}/Events", produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<DataBuffer> batch(Caller caller, @PathVariable String batchId) {
        return stream(caller, Scope.Batch, batchId);
    }

    @GetMapping(path = "/API/v4/Audit/Transactions/{transactionId}/Events", produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<DataBuffer> transaction(Caller caller, @PathVariable String transactionId) {
        return stream(caller, Scope.Transaction, transactionId);
    }

    /** The scope is checked before the first byte goes out, so a refusal is still a clean 404. */
    private Flux<DataBuffer> stream(Caller caller, Scope scope, String id) {
        return Blocking.call(() -> events.belongsTo(scope, id, caller.issuer()))
                .flatMapMany(owned -> owned ? body(scope, id)
                        : Flux.error(new MassPayException(ErrorCode.NOT_FOUND, scope + " not found")));
    }

    private Flux<DataBuffer> body(Scope scope, String id) {
        Flux<byte[]> pages = page(scope, id, -1)
                .expand(page -> page.size() < PAGE ? Mono.empty()
                        : page(scope, id, page.get(page.size() - 1).globalIndex()))
                .filter(page -> !page.isEmpty())
                .index((n, page) -> AuditJson.page(page, n == 0));
        return Flux.concat(Mono.just(AuditJson.OPEN), pages, Mono.just(AuditJson.CLOSE))
                .map(DefaultDataBufferFactory.sharedInstance::wrap);
    }

    private Mono<List<AuditEvent>> page(Scope scope, String id, long after) {
        return Blocking.call(() -> events.page(scope, id, after, PAGE));
    }
}
