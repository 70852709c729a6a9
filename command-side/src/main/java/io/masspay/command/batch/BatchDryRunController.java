package io.masspay.command.batch;

import io.masspay.command.batch.dryrun.DryRunReceipt;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /API/v4/Fund/BatchTransfer?DryRun=true} (API.md section 11): the submission read exactly as a real
 * one ({@link SubmissionBodies}), forecast instead of stored. {@code DryRun=false} is the submission itself
 * ({@link BatchSubmissionController}); any other value is refused before anything is read, so a typo never pays.
 */
@RestController
class BatchDryRunController {

    private final SubmissionBodies bodies;
    private final BatchDryRun dryRuns;

    BatchDryRunController(SubmissionBodies bodies, BatchDryRun dryRuns) {
        this.bodies = bodies;
        this.dryRuns = dryRuns;
    }

    @PostMapping(path = BatchSubmissionController.PATH, params = {"DryRun", "DryRun!=false"},
            consumes = {MediaType.APPLICATION_JSON_VALUE, SubmissionBodies.TEXT_CSV})
    Mono<ResponseEntity<DryRunReceipt>> dryRun(
            Caller caller, ServerHttpRequest request,
            @RequestParam(name = "DryRun") String dryRun,
            @RequestParam(name = "IssuerAccountNumber", required = false) String issuerAccountNumber,
            @RequestParam(name = "SourceWalletId", required = false) String sourceWalletId,
            @RequestParam(name = "CustomerBatchId", required = false) String customerBatchId,
            @RequestParam(name = "ScheduledFor", required = false) String scheduledFor,
            @RequestBody(required = false) byte[] body) {
        if (!"true".equals(dryRun)) {
            return Mono.error(MassPayException.badQueryParameter("DryRun", "DryRun must be true or false"));
        }
        MediaType type = request.getHeaders().getContentType();
        boolean csv = SubmissionBodies.isCsv(type);
        if (csv) {
            SubmissionBodies.requireUtf8(type);
        }
        return Blocking.call(() -> ResponseEntity.ok(dryRuns.run(caller.issuer(), csv
                ? SubmissionBodies.csv(body, issuerAccountNumber, sourceWalletId, customerBatchId, scheduledFor)
                : bodies.json(body, caller.issuer()))));
    }
}
