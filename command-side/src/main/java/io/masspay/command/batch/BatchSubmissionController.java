package io.masspay.command.batch;

import io.masspay.command.batch.intake.BatchRequestReader;
import io.masspay.command.batch.intake.Intake;
import io.masspay.command.web.Blocking;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

@RestController
class BatchSubmissionController {

    private final CommandGateway commands;
    private final ObjectMapper json;

    BatchSubmissionController(CommandGateway commands, ObjectMapper json) {
        this.commands = commands;
        this.json = json;
    }

    @PostMapping(path = "/API/v4/Fund/BatchTransfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<SubmissionReceipt>> submit(Caller caller, @RequestBody byte[] body) {
        return Blocking.call(() -> {
            SubmitBatch command = new SubmitBatch(caller.issuer(), BatchRequestReader.read(parse(body)));
            Intake intake = commands.sendAndWait(command);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(SubmissionReceipt.of(intake));
        });
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not valid UTF-8 JSON: "
                    + e.getOriginalMessage());
        }
    }
}
