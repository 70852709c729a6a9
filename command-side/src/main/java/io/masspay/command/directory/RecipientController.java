package io.masspay.command.directory;

import io.masspay.command.web.Blocking;
import io.masspay.command.web.Fields;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Arrays;

/** Recipients of the calling issuer (API.md section 6). */
@RestController
class RecipientController {

    private final RecipientDirectory recipients;

    RecipientController(RecipientDirectory recipients) {
        this.recipients = recipients;
    }

    record NewRecipient(String recipientId, String type, String name, String email, String country) {
    }

    record RecipientCreated(String recipientId) {
    }

    @PostMapping("/API/v4/Recipients")
    Mono<ResponseEntity<RecipientCreated>> create(Caller caller, @RequestBody NewRecipient body) {
        new Fields().clientId("RecipientId", body.recipientId())
                .required("Type", body.type())
                .check(body.type() == null || Arrays.stream(RecipientType.values()).anyMatch(t -> t.name().equals(body.type())),
                        "Type", ErrorCode.INVALID_FIELD, "Type must be Individual or Company")
                .required("Name", body.name())
                .required("Email", body.email())
                .required("Country", body.country())
                .check(body.country() == null || body.country().matches("[A-Z]{2}"), "Country", ErrorCode.INVALID_FIELD,
                        "Country must be an ISO 3166 alpha-2 code")
                .orRefuse();
        RecipientId id = new RecipientId(body.recipientId() != null ? body.recipientId() : ServerIds.random("rcp_"));
        return Blocking.call(() -> {
            recipients.register(new Recipient(caller.issuer(), id, RecipientType.valueOf(body.type()), body.country()),
                    body.name(), body.email());
            return ResponseEntity.status(HttpStatus.CREATED).body(new RecipientCreated(id.value()));
        });
    }
}
