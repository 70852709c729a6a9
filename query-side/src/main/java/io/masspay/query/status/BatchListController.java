package io.masspay.query.status;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /API/v4/Fund/BatchTransfer?Page=&PageSize=}: the caller's batches, newest first. The contract
 * has no such list (it is silent, so this is ours); dashboards and finance teams need one. Only the
 * caller's own batches are ever counted or listed.
 */
@RestController
class BatchListController {

    static final int DEFAULT_PAGE_SIZE = 20;
    /** Each listed batch costs a grouped scan of its items: keep a page to what a screen shows. */
    static final int MAX_PAGE_SIZE = 100;

    private final BatchListQueries queries;

    BatchListController(BatchListQueries queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/API/v4/Fund/BatchTransfer", params = "!CustomerBatchId")
    Mono<BatchListView> list(Caller caller, @RequestParam(name = "Page", required = false) String page,
                             @RequestParam(name = "PageSize", required = false) String pageSize,
                             @RequestParam(name = "Status", required = false) String status,
                             @RequestParam(name = "SendMethodId", required = false) String sendMethod) {
        List<FieldError> errors = new ArrayList<>();
        // Status and SendMethodId filter the items of one batch; silently ignoring them here would list every batch.
        if (status != null) {
            errors.add(new FieldError("Status", ErrorCode.INVALID_FIELD,
                    "Status filters the items of one batch: use it with CustomerBatchId or a BatchId"));
        }
        if (sendMethod != null) {
            errors.add(new FieldError("SendMethodId", ErrorCode.INVALID_FIELD,
                    "SendMethodId filters the items of one batch: use it with CustomerBatchId or a BatchId"));
        }
        int p = QueryParams.wholeNumber(page, 1, "Page", 1, Integer.MAX_VALUE, errors);
        int size = QueryParams.wholeNumber(pageSize, DEFAULT_PAGE_SIZE, "PageSize", 1, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "Invalid query parameters", errors);
        }
        return Blocking.call(() -> queries.page(caller.issuer(), p, size));
    }
}
