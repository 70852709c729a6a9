package io.masspay.infra.webhook;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.processing.Blocking;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code PUT /API/v4/Admin/Issuers/{IAN}/Webhook} (API.md section 7): sets the issuer's URL and signing
 * secret, generating the secret when none is given. The answer shows the secret, as the operator must pass
 * it on to the issuer. One refused field answers with that field's code (422 INVALID_FIELD for a refused
 * Url); several answer VALIDATION_FAILED with all of them.
 */
@RestController
class WebhookAdminController {

    static final int MAX_SECRET_LENGTH = 256;
    /** An HMAC key a receiver's signature check relies on: short ones can be guessed offline from one delivery. */
    static final int MIN_SECRET_LENGTH = 32;

    private final IssuerDirectory issuers;
    private final WebhookEndpoints endpoints;
    private final WebhookUrlPolicy urls;

    WebhookAdminController(IssuerDirectory issuers, WebhookEndpoints endpoints, WebhookUrlPolicy urls) {
        this.issuers = issuers;
        this.endpoints = endpoints;
        this.urls = urls;
    }

    record WebhookRequest(String url, String secret) {
    }

    record WebhookConfigured(String url, String secret) {
    }

    @PutMapping("/API/v4/Admin/Issuers/{issuer}/Webhook")
    Mono<WebhookConfigured> configure(@PathVariable String issuer, @RequestBody WebhookRequest body) {
        return Blocking.call(() -> {
            if (!issuers.exists(new IssuerAccountNumber(issuer))) {
                throw MassPayException.notFound("Issuer");
            }
            refuseInvalid(body);
            String secret = body.secret() != null ? body.secret() : WebhookSecrets.generate();
            endpoints.save(issuer, body.url(), secret);
            return new WebhookConfigured(body.url(), secret);
        });
    }

    private void refuseInvalid(WebhookRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.url() == null || body.url().isBlank()) {
            errors.add(new FieldError("Url", ErrorCode.MISSING_FIELD, "Url is required"));
        } else {
            urls.refusal(body.url()).ifPresent(why -> errors.add(new FieldError("Url", ErrorCode.INVALID_FIELD, why)));
        }
        if (body.secret() != null && (body.secret().isBlank() || body.secret().length() < MIN_SECRET_LENGTH
                || body.secret().length() > MAX_SECRET_LENGTH)) {
            errors.add(new FieldError("Secret", ErrorCode.INVALID_FIELD, "Secret, when given, must be "
                    + MIN_SECRET_LENGTH + ".." + MAX_SECRET_LENGTH + " non-blank characters (or leave it out to get a "
                    + "generated one)"));
        }
        if (errors.size() == 1) {
            throw new MassPayException(errors.get(0).errorCode(), errors.get(0).message(), errors);
        }
        if (!errors.isEmpty()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "The request was refused", errors);
        }
    }
}
