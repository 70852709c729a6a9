package io.masspay.command.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Recipients of the calling issuer and their payout destinations (API.md section 6). Each body is checked by its
 * rules ({@link RecipientRules}, {@link BankAccountRules}, {@link CardRules}), then built and handed to the directory.
 */
@RestController
class RecipientController {

    private final RecipientDirectory recipients;
    private final DestinationDirectory destinations;

    RecipientController(RecipientDirectory recipients, DestinationDirectory destinations) {
        this.recipients = recipients;
        this.destinations = destinations;
    }

    record Address(String line1, String line2, String city, String state, String postalCode, String country) {
    }

    record NewRecipient(String recipientId, String type, String name, String email, String country, Address address) {
    }

    record RecipientCreated(String recipientId) {
    }

    record NewBankAccount(String beneficiaryBankID, String currency, String country, String accountNumber,
                          String routingNumber, @JsonProperty("Default") Boolean isDefault) {
    }

    record BankAccountCreated(String beneficiaryBankID) {
    }

    record NewCard(String cardId, String last4, String network, @JsonProperty("Default") Boolean isDefault) {
    }

    record CardCreated(String cardId) {
    }

    @PostMapping("/API/v4/Recipients")
    Mono<ResponseEntity<RecipientCreated>> create(Caller caller, @RequestBody NewRecipient body) {
        RecipientRules.validate(body);
        Address a = body.address();
        RecipientId id = new RecipientId(body.recipientId() != null ? body.recipientId() : ServerIds.newId("rcp_"));
        PostalAddress address = a == null ? null
                : new PostalAddress(a.line1(), a.line2(), a.city(), a.state(), a.postalCode(), a.country());
        return Blocking.call(() -> {
            recipients.register(new Recipient(caller.issuer(), id, RecipientType.valueOf(body.type()), body.country(),
                    address), body.name(), body.email());
            return ResponseEntity.status(HttpStatus.CREATED).body(new RecipientCreated(id.value()));
        });
    }

    @PostMapping("/API/v4/Recipients/{recipientId}/BankAccounts")
    Mono<ResponseEntity<BankAccountCreated>> addBankAccount(Caller caller, @PathVariable String recipientId,
                                                            @RequestBody NewBankAccount body) {
        BankAccountRules.validate(body);
        CurrencyCode currency = CurrencyCode.fromCode(body.currency());
        String id = body.beneficiaryBankID() != null ? body.beneficiaryBankID() : ServerIds.newId("BNK-");
        return Blocking.call(() -> {
            RecipientId recipient = ownRecipient(caller, recipientId);
            destinations.addBankAccount(caller.issuer(), recipient, new DestinationDirectory.NewBankAccount(id, currency,
                    body.country(), body.accountNumber(), body.routingNumber(), body.isDefault()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new BankAccountCreated(id));
        });
    }

    @PostMapping("/API/v4/Recipients/{recipientId}/Cards")
    Mono<ResponseEntity<CardCreated>> addCard(Caller caller, @PathVariable String recipientId, @RequestBody NewCard body) {
        CardRules.validate(body);
        String id = body.cardId() != null ? body.cardId() : ServerIds.newId("CRD-");
        return Blocking.call(() -> {
            RecipientId recipient = ownRecipient(caller, recipientId);
            destinations.addCard(caller.issuer(), recipient,
                    new DestinationDirectory.NewCard(id, body.last4(), body.network(), body.isDefault()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new CardCreated(id));
        });
    }

    /** Another issuer's recipient is indistinguishable from a missing one. */
    private RecipientId ownRecipient(Caller caller, String recipientId) {
        RecipientId id = new RecipientId(recipientId);
        if (!recipients.exists(caller.issuer(), id)) {
            throw new MassPayException(ErrorCode.NOT_FOUND, "Recipient " + recipientId + " not found");
        }
        return id;
    }
}
