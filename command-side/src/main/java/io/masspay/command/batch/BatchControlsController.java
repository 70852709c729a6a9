package io.masspay.command.batch;

import io.masspay.command.web.Fields;
import io.masspay.kernel.batch.ApproveBatch;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.CancelBatch;
import io.masspay.kernel.batch.RejectBatch;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import io.masspay.kernel.text.WireFormats;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Treasury controls on one batch (API.md section 11): approve or reject a batch awaiting approval (an approver
 * credential of the batch's issuer, not the one that submitted it), cancel a batch that has not started. Each
 * answers 200 with the batch's status once the decision and its effects are stored.
 */
@RestController
class BatchControlsController {

    private static final String BATCH = BatchSubmissionController.PATH + "/{batchId}";
    /** A reason is for people; a longer text is refused rather than stored in the event forever. */
    private static final int MAX_REASON = 500;

    private final CommandGateway commands;

    BatchControlsController(CommandGateway commands) {
        this.commands = commands;
    }

    record Decided(String batchId, BatchStatus status) {
    }

    record Rejection(String reason) {
    }

    @PostMapping(BATCH + "/Approve")
    Mono<Decided> approve(Caller caller, @PathVariable String batchId) {
        requireApprover(caller);
        BatchId id = batchId(batchId);
        return decide(id, new ApproveBatch(id, caller.issuer(), caller.credentialId()));
    }

    @PostMapping(BATCH + "/Reject")
    Mono<Decided> reject(Caller caller, @PathVariable String batchId,
                         @RequestBody(required = false) Rejection body) {
        requireApprover(caller);
        BatchId id = batchId(batchId);
        String reason = body == null ? null : body.reason();
        new Fields().required("Reason", reason)
                .check(reason == null || (!reason.isBlank() && reason.length() <= MAX_REASON), "Reason",
                        ErrorCode.INVALID_FIELD, "Reason must be 1.." + MAX_REASON + " characters")
                .orRefuse();
        return decide(id, new RejectBatch(id, caller.issuer(), caller.credentialId(), reason));
    }

    @PostMapping(BATCH + "/Cancel")
    Mono<Decided> cancel(Caller caller, @PathVariable String batchId) {
        BatchId id = batchId(batchId);
        return decide(id, new CancelBatch(id, caller.issuer(), caller.credentialId()));
    }

    private Mono<Decided> decide(BatchId batchId, Object command) {
        return Blocking.call(() -> {
            try {
                return new Decided(batchId.value(), commands.<BatchStatus>sendAndWait(command));
            } catch (AggregateNotFoundException unknown) {
                throw MassPayException.notFound("Batch");
            }
        });
    }

    private static void requireApprover(Caller caller) {
        if (!caller.role().mayApprove()) {
            throw new MassPayException(ErrorCode.APPROVAL_NOT_ALLOWED,
                    "Only an Approver credential may approve or reject a batch");
        }
    }

    /** No batch id has another shape: one that is not an id is a batch that does not exist. */
    private static BatchId batchId(String value) {
        if (!WireFormats.isClientId(value)) {
            throw MassPayException.notFound("Batch");
        }
        return new BatchId(value);
    }
}
