package io.masspay.command.batch;

import io.masspay.command.batch.intake.BatchRequestReader;
import io.masspay.command.web.Blocking;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /API/v4/Fund/BatchTransfer}. The body arrives capped at 10 MiB by the codec limit
 * ({@code spring.http.codecs.max-in-memory-size}; larger bodies end in 413 before they are read whole).
 */
@RestController
class BatchSubmissionController {

    private static final Logger log = LoggerFactory.getLogger(BatchSubmissionController.class);

    /** Identical submissions racing each other: the losers run again and become replays of the winner. */
    static final int ATTEMPTS_ON_RACE = 5;

    private final CommandGateway commands;
    private final ObjectMapper json;

    BatchSubmissionController(CommandGateway commands, ObjectMapper json) {
        this.commands = commands;
        this.json = json;
    }

    @PostMapping(path = "/API/v4/Fund/BatchTransfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<SubmissionReceipt>> submit(Caller caller, @RequestBody(required = false) byte[] body) {
        return Blocking.call(() -> {
            SubmitBatch command = new SubmitBatch(caller.issuer(), BatchRequestReader.read(parse(body)));
            SubmissionOutcome outcome = submitRetryingRaces(command);
            logOutcome(caller, outcome);
            HttpStatus status = outcome.nothingLeftToDo() ? HttpStatus.OK : HttpStatus.ACCEPTED;
            return ResponseEntity.status(status).body(SubmissionReceipt.of(outcome));
        });
    }

    private SubmissionOutcome submitRetryingRaces(SubmitBatch command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (ConcurrentSubmission | ConcurrencyException | DeadlockException race) {
                if (attempt == ATTEMPTS_ON_RACE) {
                    throw race;
                }
            }
        }
    }

    /** One line per accepted submission, with the BatchId in the logging context (a field of its own in JSON logs). */
    private static void logOutcome(Caller caller, SubmissionOutcome outcome) {
        MDC.put("BatchId", outcome.batchId().value());
        try {
            log.info("Batch submitted by {}: {} received, {} accepted, {} rejected", caller.issuer().value(),
                    outcome.receivedCount(), outcome.accepted().size(), outcome.rejected().size());
        } finally {
            MDC.remove("BatchId");
        }
    }

    /** Strict UTF-8 first (Jackson would also accept UTF-16/32), then JSON. */
    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is empty; a JSON object is expected");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            JsonNode tree = json.readTree(text);
            if (tree.isMissingNode()) {
                throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body holds no JSON value");
            }
            return tree;
        } catch (CharacterCodingException e) {
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not valid UTF-8");
        } catch (JacksonException e) {
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
