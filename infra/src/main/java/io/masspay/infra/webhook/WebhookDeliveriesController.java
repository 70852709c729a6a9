package io.masspay.infra.webhook;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.processing.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The deliveries log and Redeliver of API.md section 9 (operator token). */
@RestController
class WebhookDeliveriesController {

    private final IssuerDirectory issuers;
    private final DeliveryLog log;

    WebhookDeliveriesController(IssuerDirectory issuers, DeliveryLog log) {
        this.issuers = issuers;
        this.log = log;
    }

    record Redelivery(String eventId, String status) {
    }

    @GetMapping("/API/v4/Admin/Issuers/{issuer}/Webhook/Deliveries")
    Mono<DeliveryLog.Page> deliveries(@PathVariable String issuer,
                                      @RequestParam(name = "Status", required = false) String status,
                                      @RequestParam(name = "Page", required = false) String page,
                                      @RequestParam(name = "PageSize", required = false) String pageSize) {
        DeliveriesQuery query = DeliveriesQuery.of(status, page, pageSize);
        return Blocking.call(() -> {
            if (!issuers.exists(new IssuerAccountNumber(issuer))) {
                throw MassPayException.notFound("Issuer");
            }
            return log.page(issuer, query);
        });
    }

    /** Another issuer's event is as unknown as a missing one. */
    @PostMapping("/API/v4/Admin/Issuers/{issuer}/Webhook/Deliveries/{eventId}/Redeliver")
    Mono<ResponseEntity<Redelivery>> redeliver(@PathVariable String issuer, @PathVariable String eventId) {
        return Blocking.call(() -> {
            if (!log.redeliver(issuer, eventId)) {
                throw MassPayException.notFound("Webhook event");
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Redelivery(eventId, "Pending"));
        });
    }
}
