package io.masspay.infra.security;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /API/v4/Admin/Issuers/{IAN}/Credentials}: the secrets are shown once, then only hashes remain. */
@RestController
class CredentialsController {

    private final Credentials credentials;
    private final IssuerDirectory issuers;

    CredentialsController(Credentials credentials, IssuerDirectory issuers) {
        this.credentials = credentials;
        this.issuers = issuers;
    }

    @PostMapping("/API/v4/Admin/Issuers/{issuer}/Credentials")
    Mono<ResponseEntity<Credentials.Issued>> issue(@PathVariable String issuer) {
        IssuerAccountNumber ian = new IssuerAccountNumber(issuer);
        return Mono.fromCallable(() -> {
            if (!issuers.exists(ian)) {
                throw MassPayException.notFound("Issuer");
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(credentials.issue(ian));
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
