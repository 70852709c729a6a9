package io.masspay.query.status;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import io.masspay.kernel.transaction.ItemStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Batch status by BatchId or by CustomerBatchId (API.md section 4). {@code SendMethodId} narrows the
 * listed items like {@code Status} does; it is ours (the contract is silent), for the dashboard's filters.
 */
@RestController
class BatchStatusController {

    static final int MAX_PAGE_SIZE = 1000;

    /** How long a read waits for the status model to catch up with a batch the event store already has. */
    static final Duration CATCH_UP = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(25);

    private final BatchStatusQueries queries;
    private final BatchSubmissions submissions;

    BatchStatusController(BatchStatusQueries queries, BatchSubmissions submissions) {
        this.queries = queries;
        this.submissions = submissions;
    }

    @GetMapping("/API/v4/Fund/BatchTransfer/{batchId}")
    Mono<BatchStatusView> byBatchId(Caller caller, @PathVariable String batchId,
                                    @RequestParam(name = "Status", required = false) String status,
                                    @RequestParam(name = "SendMethodId", required = false) String method,
                                    @RequestParam(name = "Page", required = false) String page,
                                    @RequestParam(name = "PageSize", required = false) String pageSize) {
        Paging paging = Paging.of(status, method, page, pageSize);
        Mono<BatchStatusView> read = blocking(() ->
                queries.find(caller.issuer(), batchId, paging.filter, paging.page, paging.size));
        return read.switchIfEmpty(blocking(() -> Optional.of(submissions.submittedBy(caller.issuer(), batchId)))
                .flatMap(exists -> exists ? awaitProjection(read) : Mono.error(notFound())));
    }

    /** The batch is in the event store but not yet in the read model: wait, briefly and without blocking. */
    private static Mono<BatchStatusView> awaitProjection(Mono<BatchStatusView> read) {
        long tries = CATCH_UP.toMillis() / POLL.toMillis();
        return read.repeatWhenEmpty((int) tries, attempts -> attempts.delayElements(POLL))
                .onErrorMap(IllegalStateException.class, e -> new MassPayException(ErrorCode.SERVICE_UNAVAILABLE,
                        "The batch is accepted but its status is not available yet; retry shortly"));
    }

    private static <T> Mono<T> blocking(Callable<Optional<T>> query) {
        return Blocking.call(query).flatMap(Mono::justOrEmpty);
    }

    private static MassPayException notFound() {
        return new MassPayException(ErrorCode.NOT_FOUND, "Batch not found");
    }

    /** Without a CustomerBatchId the same path lists the issuer's batches ({@link BatchListController}). */
    @GetMapping(path = "/API/v4/Fund/BatchTransfer", params = "CustomerBatchId")
    Mono<BatchStatusView> byCustomerBatchId(Caller caller,
                                            @RequestParam(name = "CustomerBatchId") String customerBatchId,
                                            @RequestParam(name = "Status", required = false) String status,
                                            @RequestParam(name = "SendMethodId", required = false) String method,
                                            @RequestParam(name = "Page", required = false) String page,
                                            @RequestParam(name = "PageSize", required = false) String pageSize) {
        if (customerBatchId.isBlank()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "CustomerBatchId is required",
                    List.of(new FieldError("CustomerBatchId", ErrorCode.MISSING_FIELD, "CustomerBatchId is required")));
        }
        Paging paging = Paging.of(status, method, page, pageSize);
        return blocking(() -> queries.batchIdForCustomerBatchId(caller.issuer(), customerBatchId)
                .flatMap(batchId -> queries.find(caller.issuer(), batchId, paging.filter, paging.page, paging.size)))
                .switchIfEmpty(Mono.error(BatchStatusController::notFound));
    }

    private record Paging(ItemFilter filter, int page, int size) {

        static Paging of(String status, String method, String page, String size) {
            List<FieldError> errors = new ArrayList<>();
            ItemStatus statusFilter = null;
            if (status != null) {
                try {
                    statusFilter = ItemStatus.valueOf(status);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("Status", ErrorCode.INVALID_FIELD,
                            "Status must be Processing, Success, Failed or RetainedInWallet"));
                }
            }
            SendMethod methodFilter = method == null ? null : SendMethod.fromId(method);
            if (method != null && methodFilter == null) {
                errors.add(new FieldError("SendMethodId", ErrorCode.INVALID_SEND_METHOD,
                        "SendMethodId must be one of " + Arrays.toString(SendMethod.values())));
            }
            int p = QueryParams.wholeNumber(page, 1, "Page", 1, Integer.MAX_VALUE, errors);
            int s = QueryParams.wholeNumber(size, 100, "PageSize", 1, MAX_PAGE_SIZE, errors);
            if (!errors.isEmpty()) {
                throw new MassPayException(ErrorCode.VALIDATION_FAILED, "Invalid query parameters", errors);
            }
            return new Paging(new ItemFilter(statusFilter, methodFilter), p, s);
        }
    }
}
