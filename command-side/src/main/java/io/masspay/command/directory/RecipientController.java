package io.masspay.command.directory;

import io.masspay.kernel.text.WireFormats;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.masspay.command.web.Blocking;
import io.masspay.command.web.Fields;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.regex.Pattern;

/** Recipients of the calling issuer and their payout destinations (API.md section 6). */
@RestController
class RecipientController {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9]{4,34}");
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

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
        Address a = body.address();
        new Fields().clientId("RecipientId", body.recipientId())
                .required("Type", body.type())
                .check(body.type() == null || Arrays.stream(RecipientType.values()).anyMatch(t -> t.name().equals(body.type())),
                        "Type", ErrorCode.INVALID_FIELD, "Type must be Individual or Company")
                .required("Name", body.name())
                .check(body.name() == null || body.name().length() <= 200, "Name", ErrorCode.INVALID_FIELD,
                        "Name is longer than 200 characters")
                .required("Email", body.email())
                .check(body.email() == null || WireFormats.isEmail(body.email()), "Email", ErrorCode.INVALID_FIELD,
                        "Email is not an e-mail address")
                .required("Country", body.country())
                .check(body.country() == null || COUNTRY.matcher(body.country()).matches(), "Country",
                        ErrorCode.INVALID_FIELD, "Country must be an ISO 3166 alpha-2 code")
                .required("Address.Line1", a == null ? "-" : a.line1())
                .required("Address.City", a == null ? "-" : a.city())
                .required("Address.PostalCode", a == null ? "-" : a.postalCode())
                .check(a == null || (a.country() != null && COUNTRY.matcher(a.country()).matches()), "Address.Country",
                        ErrorCode.INVALID_FIELD, "Address.Country must be an ISO 3166 alpha-2 code")
                .orRefuse();
        RecipientId id = new RecipientId(body.recipientId() != null ? body.recipientId() : ServerIds.random("rcp_"));
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
        CurrencyCode currency = CurrencyCode.fromCode(body.currency());
        new Fields().clientId("BeneficiaryBankID", body.beneficiaryBankID())
                .required("Currency", body.currency())
                .check(body.currency() == null || currency != null, "Currency", ErrorCode.INVALID_FIELD,
                        "Currency must be one of USD, EUR, GBP, JPY")
                .required("Country", body.country())
                .check(body.country() == null || COUNTRY.matcher(body.country()).matches(), "Country",
                        ErrorCode.INVALID_FIELD, "Country must be an ISO 3166 alpha-2 code")
                .required("AccountNumber", body.accountNumber())
                .check(body.accountNumber() == null || ACCOUNT.matcher(body.accountNumber()).matches(), "AccountNumber",
                        ErrorCode.INVALID_FIELD, "AccountNumber must be 4..34 letters or digits")
                .required("RoutingNumber", body.routingNumber())
                .check(body.routingNumber() == null || ACCOUNT.matcher(body.routingNumber()).matches(), "RoutingNumber",
                        ErrorCode.INVALID_FIELD, "RoutingNumber must be 4..34 letters or digits")
                .orRefuse();
        String id = body.beneficiaryBankID() != null ? body.beneficiaryBankID() : ServerIds.random("BNK-");
        return Blocking.call(() -> {
            RecipientId recipient = ownRecipient(caller, recipientId);
            destinations.addBankAccount(caller.issuer(), recipient, new DestinationDirectory.NewBankAccount(id, currency,
                    body.country(), body.accountNumber(), body.routingNumber(), body.isDefault()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new BankAccountCreated(id));
        });
    }

    @PostMapping("/API/v4/Recipients/{recipientId}/Cards")
    Mono<ResponseEntity<CardCreated>> addCard(Caller caller, @PathVariable String recipientId, @RequestBody NewCard body) {
        new Fields().clientId("CardId", body.cardId())
                .required("Last4", body.last4())
                .check(body.last4() == null || LAST4.matcher(body.last4()).matches(), "Last4", ErrorCode.INVALID_FIELD,
                        "Last4 must be the last four digits of the card")
                .required("Network", body.network())
                .check(body.network() == null || body.network().length() <= 32, "Network", ErrorCode.INVALID_FIELD,
                        "Network is longer than 32 characters")
                .orRefuse();
        String id = body.cardId() != null ? body.cardId() : ServerIds.random("CRD-");
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
