package io.masspay.query.history;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Every attempt of one item, step by step (API.md section 4, History). */
@RestController
class ItemHistoryController {

    private final ItemHistoryQueries queries;

    ItemHistoryController(ItemHistoryQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/API/v4/Fund/BatchTransfer/{batchId}/Items/{customerTransactionId}/History")
    Mono<ItemHistoryView> history(Caller caller, @PathVariable String batchId,
                                  @PathVariable String customerTransactionId) {
        return Blocking.callOptional(() -> queries.find(caller.issuer(), batchId, customerTransactionId))
                .switchIfEmpty(Mono.error(() -> new MassPayException(ErrorCode.NOT_FOUND, "Item not found")));
    }
}
