package io.masspay.query.report;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import io.masspay.query.report.ReportRows.Cursor;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * {@code GET .../BatchTransfer/{BatchId}/Report.csv} (API.md section 9): one row per item attempt,
 * streamed a page at a time; the next page is read only when the client has taken the previous one.
 */
@RestController
class BatchReportController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final int PAGE = 500;

    private final ReportRows rows;

    BatchReportController(ReportRows rows) {
        this.rows = rows;
    }

    @GetMapping("/API/v4/Fund/BatchTransfer/{batchId}/Report.csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> report(Caller caller, @PathVariable String batchId) {
        return Blocking.callOptional(() -> rows.customerBatchId(caller.issuer(), batchId))
                .switchIfEmpty(Mono.error(() -> new MassPayException(ErrorCode.NOT_FOUND, "Batch not found")))
                .map(customerBatchId -> ResponseEntity.ok()
                        .contentType(TEXT_CSV)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + batchId + ".csv\"")
                        .body(csv(batchId, customerBatchId)));
    }

    private Flux<DataBuffer> csv(String batchId, String customerBatchId) {
        Flux<byte[]> pages = page(batchId, customerBatchId, Cursor.START)
                .expand(page -> page.size() < PAGE ? Mono.empty()
                        : page(batchId, customerBatchId, cursorAfter(page)))
                .filter(page -> !page.isEmpty())
                .map(CsvChunks::rows);
        return Flux.concat(Mono.just(CsvChunks.header()), pages).map(DefaultDataBufferFactory.sharedInstance::wrap);
    }

    private Mono<List<ReportRow>> page(String batchId, String customerBatchId, Cursor after) {
        return Blocking.call(() -> rows.page(batchId, customerBatchId, after, PAGE));
    }

    private static Cursor cursorAfter(List<ReportRow> page) {
        ReportRow last = page.get(page.size() - 1);
        return new Cursor(last.position(), last.transactionId(), last.attemptNo());
    }
}
