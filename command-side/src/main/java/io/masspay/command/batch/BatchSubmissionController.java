package io.masspay.command.batch;

import io.masspay.command.admission.Admission;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /API/v4/Fund/BatchTransfer}, as JSON or as a CSV upload ({@code text/csv}, the envelope in the
 * query string). Both become the same {@link SubmitBatch}: same rules, same answer, same retries. The body
 * arrives capped at 10 MiB by the codec limit ({@code spring.http.codecs.max-in-memory-size}; larger bodies
 * end in 413 before they are read whole) and is read by {@link SubmissionBodies}.
 */
@RestController
class BatchSubmissionController {

    private static final Logger log = LoggerFactory.getLogger(BatchSubmissionController.class);

    static final String PATH = "/API/v4/Fund/BatchTransfer";

    private final CommandGateway commands;
    private final SubmissionBodies bodies;
    private final Admission admission;

    BatchSubmissionController(CommandGateway commands, SubmissionBodies bodies, Admission admission) {
        this.commands = commands;
        this.bodies = bodies;
        this.admission = admission;
    }

    /**
     * One handler for both spellings (two would be ambiguous for a body-less request). A CSV upload has a
     * header row of item columns and one row per payout; its envelope fields are query parameters, which a
     * JSON body ignores (its envelope is in the body).
     */
    @PostMapping(path = PATH, consumes = {MediaType.APPLICATION_JSON_VALUE, SubmissionBodies.TEXT_CSV})
    Mono<ResponseEntity<SubmissionReceipt>> submit(
            Caller caller, ServerHttpRequest request,
            @RequestParam(name = "IssuerAccountNumber", required = false) String issuerAccountNumber,
            @RequestParam(name = "SourceWalletId", required = false) String sourceWalletId,
            @RequestParam(name = "CustomerBatchId", required = false) String customerBatchId,
            @RequestParam(name = "ScheduledFor", required = false) String scheduledFor,
            // accepted as in a JSON body, where the service does not act on it either
            @RequestParam(name = "EmailNotification", required = false) String emailNotification,
            @RequestBody(required = false) byte[] body) {
        MediaType type = request.getHeaders().getContentType();
        if (!SubmissionBodies.isCsv(type)) {
            return Blocking.call(() -> {
                admission.precheck(caller.issuer(), () -> bodies.customerBatchIdOf(body), 1);
                return answer(new SubmitBatch(caller.issuer(), bodies.json(body, caller.issuer()),
                        caller.credentialId()));
            });
        }
        SubmissionBodies.requireUtf8(type);
        return Blocking.call(() -> {
            admission.precheck(caller.issuer(), () -> customerBatchId, 1);
            return answer(new SubmitBatch(caller.issuer(), SubmissionBodies.csv(body, issuerAccountNumber,
                    sourceWalletId, customerBatchId, scheduledFor), caller.credentialId()));
        });
    }

    private ResponseEntity<SubmissionReceipt> answer(SubmitBatch command) {
        SubmissionOutcome outcome = commands.sendAndWait(command); // a lost race is sent again by the gateway
        logOutcome(command.caller(), outcome);
        HttpStatus status = outcome.nothingLeftToDo() ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(SubmissionReceipt.of(outcome));
    }

    /** One line per accepted submission, with the BatchId in the logging context (a field of its own in JSON logs). */
    private static void logOutcome(IssuerAccountNumber issuer, SubmissionOutcome outcome) {
        MDC.put("BatchId", outcome.batchId().value());
        try {
            log.info("Batch submitted by {}: {} received, {} accepted, {} rejected", issuer.value(),
                    outcome.receivedCount(), outcome.accepted().size(), outcome.rejected().size());
        } finally {
            MDC.remove("BatchId");
        }
    }
}
