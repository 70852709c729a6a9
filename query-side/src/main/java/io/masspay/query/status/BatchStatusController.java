package io.masspay.query.status;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.payout.ItemStatus;
import io.masspay.kernel.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Batch status by BatchId or by CustomerBatchId (API.md section 4). */
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
                                    @RequestParam(name = "Page", required = false) String page,
                                    @RequestParam(name = "PageSize", required = false) String pageSize) {
        Paging paging = Paging.of(status, page, pageSize);
        Mono<BatchStatusView> read = blocking(() ->
                queries.find(caller.issuer(), batchId, paging.status, paging.page, paging.size));
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
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::justOrEmpty);
    }

    private static MassPayException notFound() {
        return new MassPayException(ErrorCode.NOT_FOUND, "Batch not found");
    }

    @GetMapping("/API/v4/Fund/BatchTransfer")
    Mono<BatchStatusView> byCustomerBatchId(Caller caller,
                                            @RequestParam(name = "CustomerBatchId", required = false) String customerBatchId,
                                            @RequestParam(name = "Status", required = false) String status,
                                            @RequestParam(name = "Page", required = false) String page,
                                            @RequestParam(name = "PageSize", required = false) String pageSize) {
        if (customerBatchId == null || customerBatchId.isBlank()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "CustomerBatchId is required",
                    List.of(new FieldError("CustomerBatchId", ErrorCode.MISSING_FIELD, "CustomerBatchId is required")));
        }
        Paging paging = Paging.of(status, page, pageSize);
        return blocking(() -> queries.batchIdForCustomerBatchId(caller.issuer(), customerBatchId)
                .flatMap(batchId -> queries.find(caller.issuer(), batchId, paging.status, paging.page, paging.size)))
                .switchIfEmpty(Mono.error(BatchStatusController::notFound));
    }

    private record Paging(ItemStatus status, int page, int size) {

        static Paging of(String status, String page, String size) {
            List<FieldError> errors = new ArrayList<>();
            ItemStatus filter = null;
            if (status != null) {
                try {
                    filter = ItemStatus.valueOf(status);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("Status", ErrorCode.INVALID_FIELD,
                            "Status must be Processing, Success, Failed or RetainedInWallet"));
                }
            }
            int p = number(page, 1, "Page", 1, Integer.MAX_VALUE, errors);
            int s = number(size, 100, "PageSize", 1, MAX_PAGE_SIZE, errors);
            if (!errors.isEmpty()) {
                throw new MassPayException(ErrorCode.VALIDATION_FAILED, "Invalid query parameters", errors);
            }
            return new Paging(filter, p, s);
        }

        private static int number(String text, int fallback, String field, int min, int max, List<FieldError> errors) {
            if (text == null) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below, like an out-of-range value
            }
            errors.add(new FieldError(field, ErrorCode.INVALID_FIELD, field + " must be a whole number in " + min + ".." + max));
            return fallback;
        }
    }
}
