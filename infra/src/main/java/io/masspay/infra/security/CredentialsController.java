package io.masspay.infra.security;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.CredentialRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code POST /API/v4/Admin/Issuers/{IAN}/Credentials}: the secrets are shown once, then only hashes remain.
 * {@code DELETE .../ApiKeys/{ApiKeyId}} and {@code DELETE .../OAuthClients/{ClientId}} revoke one (204, also when
 * it was revoked before; 404 when the issuer has no such credential): the next request with it gets 401 on every
 * node, and so does every access token the client was given before (ADR 0015).
 */
@RestController
class CredentialsController {

    private final Credentials credentials;
    private final IssuerDirectory issuers;

    CredentialsController(Credentials credentials, IssuerDirectory issuers) {
        this.credentials = credentials;
        this.issuers = issuers;
    }

    /** {@code Role}: Submitter (the default) or Approver (API.md section 11). */
    record NewCredential(String role) {
    }

    @PostMapping("/API/v4/Admin/Issuers/{issuer}/Credentials")
    Mono<ResponseEntity<Credentials.Issued>> issue(@PathVariable String issuer,
                                                   @RequestBody(required = false) NewCredential body) {
        IssuerAccountNumber ian = new IssuerAccountNumber(issuer);
        CredentialRole role = role(body == null ? null : body.role());
        return Blocking.call(() -> {
            if (!issuers.exists(ian)) {
                throw MassPayException.notFound("Issuer");
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(credentials.issue(ian, role));
        });
    }

    private static CredentialRole role(String name) {
        if (name == null) {
            return CredentialRole.Submitter;
        }
        return Arrays.stream(CredentialRole.values()).filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new MassPayException(ErrorCode.VALIDATION_FAILED, "The credential was refused",
                        List.of(new FieldError("Role", ErrorCode.INVALID_FIELD, "Role must be Submitter or Approver"))));
    }

    @DeleteMapping("/API/v4/Admin/Issuers/{issuer}/ApiKeys/{apiKeyId}")
    Mono<ResponseEntity<Void>> revokeApiKey(@PathVariable String issuer, @PathVariable String apiKeyId) {
        return revoked(() -> credentials.revokeApiKey(new IssuerAccountNumber(issuer), apiKeyId), "API key");
    }

    @DeleteMapping("/API/v4/Admin/Issuers/{issuer}/OAuthClients/{clientId}")
    Mono<ResponseEntity<Void>> revokeClient(@PathVariable String issuer, @PathVariable String clientId) {
        return revoked(() -> credentials.revokeClient(new IssuerAccountNumber(issuer), clientId), "OAuth client");
    }

    private static Mono<ResponseEntity<Void>> revoked(Callable<Credentials.Revocation> revocation, String what) {
        return Blocking.call(() -> {
            if (revocation.call() == Credentials.Revocation.UNKNOWN) {
                throw MassPayException.notFound(what);
            }
            return ResponseEntity.noContent().<Void>build();
        });
    }
}
