package io.masspay.command.batch.intake;

import io.masspay.kernel.text.WireFormats;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.payout.SendMethod;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.masspay.command.batch.intake.FormatRules.reject;

/** Destination rules that need only the item: what each send method requires of its Destination. */
final class DestinationFormatRules {

    static final String ADDRESS = "Destination.Address";
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final List<String> ADDRESS_REQUIRED = List.of("Line1", "City", "PostalCode", "Country");
    private static final int MAX_ADDRESS_FIELD = 200;

    private DestinationFormatRules() {
    }

    static List<ItemRule> all() {
        return List.of(DestinationFormatRules::references, DestinationFormatRules::giftCard,
                DestinationFormatRules::checkAddress);
    }

    /** Ids in a Destination must look like ids before they are looked up. */
    private static Optional<FieldError> references(ItemRequest item, IntakeContext context) {
        for (String field : List.of("WalletId", "BeneficiaryBankID", "CardId")) {
            String value = item.destination().get(field);
            if (value != null && !WireFormats.isClientId(value)) {
                return reject(item, "Destination." + field, ErrorCode.INVALID_FIELD,
                        field + " must be 1..64 characters of [A-Za-z0-9._:-]");
            }
        }
        return Optional.empty();
    }

    private static Optional<FieldError> giftCard(ItemRequest item, IntakeContext context) {
        if (!SendMethod.fromId(item.sendMethodId()).sendsToEmail()) {
            return Optional.empty();
        }
        String email = item.destination().get("Email");
        String sku = item.destination().get("SKU");
        if (email == null) {
            return reject(item, "Destination.Email", ErrorCode.MISSING_FIELD, "Email is required for a gift card");
        }
        if (!WireFormats.isEmail(email)) {
            return reject(item, "Destination.Email", ErrorCode.INVALID_FIELD, "Email is not an e-mail address");
        }
        if (sku == null) {
            return reject(item, "Destination.SKU", ErrorCode.MISSING_FIELD, "SKU is required for a gift card");
        }
        if (!SKU.matcher(sku).matches()) {
            return reject(item, "Destination.SKU", ErrorCode.INVALID_FIELD, "SKU must be 1..64 characters of [A-Za-z0-9._-]");
        }
        return Optional.empty();
    }

    /** A named address must be complete and in the US: physical checks are mailed to US addresses only. */
    private static Optional<FieldError> checkAddress(ItemRequest item, IntakeContext context) {
        Map<String, String> address = item.address();
        if (!SendMethod.fromId(item.sendMethodId()).mailsToPostalAddress() || address == null) {
            return Optional.empty();
        }
        for (String field : ADDRESS_REQUIRED) {
            if (address.get(field) == null || address.get(field).isBlank()) {
                return reject(item, ADDRESS + "." + field, ErrorCode.MISSING_FIELD, field + " is required");
            }
        }
        for (Map.Entry<String, String> field : address.entrySet()) {
            if (field.getValue().length() > MAX_ADDRESS_FIELD) {
                return reject(item, ADDRESS + "." + field.getKey(), ErrorCode.INVALID_FIELD,
                        field.getKey() + " is longer than " + MAX_ADDRESS_FIELD + " characters");
            }
        }
        if (!"US".equals(address.get("Country"))) {
            return reject(item, ADDRESS + ".Country", ErrorCode.COUNTRY_NOT_SUPPORTED,
                    "Physical checks are mailed to US addresses only");
        }
        return Optional.empty();
    }
}
