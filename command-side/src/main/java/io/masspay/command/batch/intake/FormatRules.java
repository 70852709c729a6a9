package io.masspay.command.batch.intake;

import io.masspay.kernel.text.WireFormats;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.money.AmountParser;
import io.masspay.kernel.payout.SendMethod;

import java.util.List;
import java.util.Optional;

/** Rules that need nothing but the item itself (and the batch currency). */
final class FormatRules {

    static final int MAX_DESCRIPTION = 1024;

    private FormatRules() {
    }

    static List<ItemRule> all() {
        return List.of(
                FormatRules::shape,
                FormatRules::customerTransactionId,
                FormatRules::duplicateInBatch,
                required("RecipientId", ItemRequest::recipientId),
                FormatRules::recipientId,
                required("SendMethodId", ItemRequest::sendMethodId),
                required("Amount", ItemRequest::amount),
                FormatRules::destinationPresent,
                FormatRules::sendMethod,
                FormatRules::amount,
                FormatRules::description);
    }

    /** Format rules, then the Destination rules of each send method. */
    static List<ItemRule> withDestinations() {
        List<ItemRule> rules = new java.util.ArrayList<>(all());
        rules.addAll(DestinationFormatRules.all());
        return rules;
    }

    private static Optional<FieldError> shape(ItemRequest item, IntakeContext context) {
        return Optional.ofNullable(item.shapeError());
    }

    private static Optional<FieldError> customerTransactionId(ItemRequest item, IntakeContext context) {
        if (item.customerTransactionIdGenerated() || WireFormats.isClientId(item.customerTransactionId())) {
            return Optional.empty();
        }
        return reject(item, "CustomerTransactionId", ErrorCode.INVALID_FIELD,
                "CustomerTransactionId must be 1..64 characters of [A-Za-z0-9._:-]");
    }

    private static Optional<FieldError> duplicateInBatch(ItemRequest item, IntakeContext context) {
        if (context.claim(item.customerTransactionId())) {
            return Optional.empty();
        }
        return reject(item, "CustomerTransactionId", ErrorCode.DUPLICATE_IN_BATCH,
                "CustomerTransactionId appears earlier in this request");
    }

    /** Recipient ids have the client-id shape; any other value is refused before it reaches a query. */
    private static Optional<FieldError> recipientId(ItemRequest item, IntakeContext context) {
        if (item.recipientId() == null || WireFormats.isClientId(item.recipientId())) {
            return Optional.empty();
        }
        return reject(item, "RecipientId", ErrorCode.INVALID_FIELD,
                "RecipientId must be 1..64 characters of [A-Za-z0-9._:-]");
    }

    private static ItemRule required(String field, java.util.function.Function<ItemRequest, String> value) {
        return (item, context) -> value.apply(item) == null
                ? reject(item, field, ErrorCode.MISSING_FIELD, field + " is required")
                : Optional.empty();
    }

    private static Optional<FieldError> destinationPresent(ItemRequest item, IntakeContext context) {
        return item.destination() == null
                ? reject(item, "Destination", ErrorCode.MISSING_FIELD, "Destination is required (it may be {})")
                : Optional.empty();
    }

    private static Optional<FieldError> sendMethod(ItemRequest item, IntakeContext context) {
        SendMethod method = SendMethod.fromId(item.sendMethodId());
        if (method == null) {
            return reject(item, "SendMethodId", ErrorCode.INVALID_SEND_METHOD,
                    "Unknown SendMethodId " + item.sendMethodId());
        }
        return Optional.empty();
    }

    private static Optional<FieldError> amount(ItemRequest item, IntakeContext context) {
        if (AmountParser.parse(item.amount(), context.currency()).isPresent()) {
            return Optional.empty();
        }
        return reject(item, "Amount", ErrorCode.INVALID_AMOUNT, "Amount must be a decimal string > 0, at most "
                + context.currency().minorUnits() + " decimals and at most 1000000.00");
    }

    private static Optional<FieldError> description(ItemRequest item, IntakeContext context) {
        if (item.description() == null || item.description().length() <= MAX_DESCRIPTION) {
            return Optional.empty();
        }
        return reject(item, "Description", ErrorCode.INVALID_FIELD, "Description is longer than 1024 characters");
    }

    static Optional<FieldError> reject(ItemRequest item, String field, ErrorCode code, String message) {
        return Optional.of(new FieldError(item.path(field), code, message));
    }
}
