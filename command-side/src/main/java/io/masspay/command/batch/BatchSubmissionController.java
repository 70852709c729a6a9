package io.masspay.command.batch;

import io.masspay.command.admission.Admission;
import io.masspay.command.batch.dryrun.DryRunReceipt;
import io.masspay.command.batch.intake.BatchCsvReader;
import io.masspay.command.batch.intake.BatchRequest;
import io.masspay.command.batch.intake.BatchRequestReader;
import io.masspay.command.batch.intake.ItemLimit;
import io.masspay.command.web.Blocking;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
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
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /API/v4/Fund/BatchTransfer}, as JSON or as a CSV upload ({@code text/csv}, the envelope in the
 * query string). Both become the same {@link SubmitBatch}: same rules, same answer, same retries. The body
 * arrives capped at 10 MiB by the codec limit ({@code spring.http.codecs.max-in-memory-size}; larger bodies
 * end in 413 before they are read whole).
 */
@RestController
class BatchSubmissionController {

    private static final Logger log = LoggerFactory.getLogger(BatchSubmissionController.class);

    /** Identical submissions racing each other: the losers run again and become replays of the winner. */
    static final int ATTEMPTS_ON_RACE = 5;

    static final String PATH = "/API/v4/Fund/BatchTransfer";
    static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV = MediaType.parseMediaType(TEXT_CSV);

    private final CommandGateway commands;
    private final ObjectMapper json;
    private final ItemLimit itemLimit;
    private final Admission admission;
    private final BatchDryRun dryRuns;

    BatchSubmissionController(CommandGateway commands, ObjectMapper json, ItemLimit itemLimit, Admission admission,
                              BatchDryRun dryRuns) {
        this.dryRuns = dryRuns;
        this.commands = commands;
        this.json = json;
        this.itemLimit = itemLimit;
        this.admission = admission;
    }

    /**
     * One handler for both spellings (two would be ambiguous for a body-less request). A CSV upload has a
     * header row of item columns and one row per payout; its envelope fields are query parameters, which a
     * JSON body ignores (its envelope is in the body).
     */
    @PostMapping(path = PATH, consumes = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
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
        if (type == null || !type.isCompatibleWith(CSV)) {
            return Blocking.call(() -> {
                admission.precheck(caller.issuer(), () -> customerBatchIdOf(body), 1);
                return answer(new SubmitBatch(caller.issuer(), read(body, caller.issuer()), caller.credentialId()));
            });
        }
        if (!isUtf8(type)) {
            return Mono.error(unsupported(type));
        }
        return Blocking.call(() -> {
            admission.precheck(caller.issuer(), () -> customerBatchId, 1);
            return answer(new SubmitBatch(caller.issuer(), readCsv(body, issuerAccountNumber, sourceWalletId,
                    customerBatchId, scheduledFor), caller.credentialId()));
        });
    }

    /**
     * The same request with {@code DryRun} (API.md section 11), read exactly as above; {@code DryRun=false} is the
     * submission itself. Any other value is refused before anything is read, so a typo never pays for real.
     */
    @PostMapping(path = PATH, params = {"DryRun", "DryRun!=false"},
            consumes = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
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
        boolean csv = type != null && type.isCompatibleWith(CSV);
        if (csv && !isUtf8(type)) {
            return Mono.error(unsupported(type));
        }
        return Blocking.call(() -> ResponseEntity.ok(dryRuns.run(caller.issuer(), csv
                ? readCsv(body, issuerAccountNumber, sourceWalletId, customerBatchId, scheduledFor)
                : read(body, caller.issuer()))));
    }

    private static boolean isUtf8(MediaType type) {
        return type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8);
    }

    private static UnsupportedMediaTypeStatusException unsupported(MediaType type) {
        return new UnsupportedMediaTypeStatusException(type,
                List.of(MediaType.APPLICATION_JSON, new MediaType(CSV, StandardCharsets.UTF_8)));
    }

    /** The envelope of a CSV upload is its query parameters. */
    private static BatchRequest readCsv(byte[] body, String issuerAccountNumber, String sourceWalletId,
                                        String customerBatchId, String scheduledFor) {
        return BatchCsvReader.read(StrictUtf8.decode(body == null ? new byte[0] : body), issuerAccountNumber,
                sourceWalletId, customerBatchId).withScheduledFor(scheduledFor);
    }

    private ResponseEntity<SubmissionReceipt> answer(SubmitBatch command) {
        SubmissionOutcome outcome = submitRetryingRaces(command);
        logOutcome(command.caller(), outcome);
        HttpStatus status = outcome.nothingLeftToDo() ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(SubmissionReceipt.of(outcome));
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
    private static void logOutcome(IssuerAccountNumber issuer, SubmissionOutcome outcome) {
        MDC.put("BatchId", outcome.batchId().value());
        try {
            log.info("Batch submitted by {}: {} received, {} accepted, {} rejected", issuer.value(),
                    outcome.receivedCount(), outcome.accepted().size(), outcome.rejected().size());
        } finally {
            MDC.remove("BatchId");
        }
    }

    /**
     * The envelope's CustomerBatchId, read without building any item (the Items array is skipped token by token),
     * for an admission refusal that must still let a retry of a known batch through; null if there is none or the
     * body is not a JSON object (the full read reports that, if admission lets it through).
     */
    private String customerBatchIdOf(byte[] body) {
        if (body == null) {
            return null;
        }
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("CustomerBatchId".equals(name) && value == JsonToken.VALUE_STRING) {
                    return parser.getString();
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * Strict UTF-8 first (Jackson would also accept UTF-16/32), then the JSON token stream, keeping at most the
     * issuer's item limit of items (ADR 0015): a body of millions of tiny items costs a count, not millions of
     * objects. Runs on a worker thread (Blocking), never on the event loop.
     */
    private BatchRequest read(byte[] body, IssuerAccountNumber issuer) {
        if (body == null || body.length == 0) {
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is empty; a JSON object is expected");
        }
        StrictUtf8.check(body);
        StrictUtf8.refuseLeadingNul(body); // else Jackson would read "\0{\0}" as UTF-16, and accept it
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() == null) {
                throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body holds no JSON value");
            }
            BatchRequest request = BatchRequestReader.read(parser, itemLimit.of(issuer));
            if (!request.cutShort() && parser.nextToken() != null) {
                throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body holds more than one JSON value");
            }
            return request;
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        }
    }
}
