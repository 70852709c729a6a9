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

import java.util.ArrayList;
import java.util.List;

/** Batch status by BatchId or by CustomerBatchId (API.md section 4). */
@RestController
class BatchStatusController {

    static final int MAX_PAGE_SIZE = 1000;

    private final BatchStatusQueries queries;

    BatchStatusController(BatchStatusQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/API/v4/Fund/BatchTransfer/{batchId}")
    Mono<BatchStatusView> byBatchId(Caller caller, @PathVariable String batchId,
                                    @RequestParam(name = "Status", required = false) String status,
                                    @RequestParam(name = "Page", required = false) String page,
                                    @RequestParam(name = "PageSize", required = false) String pageSize) {
        Paging paging = Paging.of(status, page, pageSize);
        return Mono.fromCallable(() -> queries.find(caller.issuer(), batchId, paging.status, paging.page, paging.size))
                .subscribeOn(Schedulers.boundedElastic());
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
        return Mono.fromCallable(() -> {
            String batchId = queries.batchIdForCustomerBatchId(caller.issuer(), customerBatchId)
                    .orElseThrow(() -> new MassPayException(ErrorCode.NOT_FOUND, "Batch not found"));
            return queries.find(caller.issuer(), batchId, paging.status, paging.page, paging.size);
        }).subscribeOn(Schedulers.boundedElastic());
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
