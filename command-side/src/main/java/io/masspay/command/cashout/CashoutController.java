package io.masspay.command.cashout;

import io.masspay.command.batch.intake.BatchRequestReader;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.List;

/** {@code POST /API/v4/Recipients/{RecipientId}/Wallets/{WalletId}/Cashout} (API.md section 6). */
@RestController
class CashoutController {

    private final CommandGateway commands;
    private final ObjectMapper json;

    CashoutController(CommandGateway commands, ObjectMapper json) {
        this.commands = commands;
        this.json = json;
    }

    record CashoutAccepted(String transactionId, String status) {
    }

    @PostMapping(path = "/API/v4/Recipients/{recipientId}/Wallets/{walletId}/Cashout",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CashoutAccepted>> cashout(Caller caller, @PathVariable String recipientId,
                                                  @PathVariable String walletId, @RequestBody String body) {
        return Blocking.call(() -> {
            RequestCashout command = new RequestCashout(caller.issuer(), new WalletId(walletId),
                    BatchRequestReader.readCashout(json.treeAsTokens(parse(body)), recipientId));
            TransactionId transactionId = commands.sendAndWait(command);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new CashoutAccepted(transactionId.value(), "Processing"));
        });
    }

    private JsonNode parse(String body) {
        try {
            JsonNode root = json.readTree(body);
            if (!root.isObject()) {
                throw new MassPayException(ErrorCode.VALIDATION_FAILED, "The body must be a JSON object",
                        List.of(new FieldError("$", ErrorCode.INVALID_FIELD, "The body must be a JSON object")));
            }
            return root;
        } catch (JacksonException e) {
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
