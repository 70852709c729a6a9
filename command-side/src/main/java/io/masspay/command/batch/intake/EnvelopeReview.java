package io.masspay.command.batch.intake;

import io.masspay.kernel.text.WireFormats;
import io.masspay.command.directory.IssuerDirectory;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.command.wallet.WalletRegistry;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.wallet.OwnerType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what refuses a submission whole: the envelope fields, the source wallet and the item limit.
 * Naming another issuer's account or wallet is 403; every other envelope problem is listed in one 422.
 */
@Component
class EnvelopeReview {

    private final WalletRegistry wallets;
    private final ItemLimit itemLimit;

    EnvelopeReview(WalletRegistry wallets, ItemLimit itemLimit) {
        this.wallets = wallets;
        this.itemLimit = itemLimit;
    }

    WalletEntry review(IssuerAccountNumber caller, BatchRequest request) {
        if (request.cutShort()) { // more items than any issuer may send: the rest of the body was never read
            throw new MassPayException(ErrorCode.BATCH_TOO_LARGE, tooLarge(request.itemCount(), itemLimit.of(caller),
                    caller));
        }
        List<FieldError> errors = new ArrayList<>(request.envelopeErrors());
        if (request.issuerAccountNumber() == null) {
            errors.add(missing("IssuerAccountNumber"));
        } else if (!request.issuerAccountNumber().equals(caller.value())) {
            throw new MassPayException(ErrorCode.FORBIDDEN, "The token may not act for that IssuerAccountNumber");
        }
        WalletEntry source = null;
        if (request.sourceWalletId() == null) {
            errors.add(missing("SourceWalletId"));
        } else if (!WireFormats.isClientId(request.sourceWalletId())) {
            // never looked up: no wallet id has another shape, and PostgreSQL refuses some strings (NUL)
            errors.add(new FieldError("SourceWalletId", ErrorCode.INVALID_FIELD,
                    "SourceWalletId must be 1..64 characters of [A-Za-z0-9._:-]"));
        } else {
            source = wallets.find(new WalletId(request.sourceWalletId())).orElse(null);
            if (source != null && !source.issuer().equals(caller)) {
                throw new MassPayException(ErrorCode.FORBIDDEN, "The token may not use that SourceWalletId");
            }
            if (source == null || source.ownerType() != OwnerType.Issuer) {
                errors.add(new FieldError("SourceWalletId", ErrorCode.WALLET_NOT_FOUND,
                        "No issuer wallet " + request.sourceWalletId()));
            }
        }
        if (request.customerBatchId() != null && !WireFormats.isClientId(request.customerBatchId())) {
            errors.add(new FieldError("CustomerBatchId", ErrorCode.INVALID_FIELD,
                    "CustomerBatchId must be 1..64 characters of [A-Za-z0-9._:-]"));
        }
        ScheduledFor.check(request.scheduledFor(), Instant.now()).ifPresent(errors::add);
        String items = request.paths().collection();
        if (request.itemCount() == 0 && errors.stream().noneMatch(e -> e.field().equals(items))) {
            errors.add(new FieldError(items, ErrorCode.MISSING_FIELD, items + " must hold at least one item"));
        }
        if (!errors.isEmpty()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "The batch was refused", errors);
        }
        int limit = itemLimit.of(caller);
        if (request.itemCount() > limit) {
            throw new MassPayException(ErrorCode.BATCH_TOO_LARGE, tooLarge(request.itemCount(), limit, caller));
        }
        return source;
    }

    /** Says the limit and what can be done about it: split the batch, or have an operator raise the limit. */
    static String tooLarge(int items, int limit, IssuerAccountNumber issuer) {
        int hardMax = IssuerDirectory.HARD_MAX_ITEMS_PER_BATCH;
        String refused = "The batch has " + (items > hardMax ? "more than " + hardMax : items) + " items; this issuer's "
                + "limit is " + limit + " per batch";
        if (limit >= hardMax) {
            return refused + ", the most any issuer may have: split it into batches of at most " + hardMax + " items";
        }
        return refused + ". Split it, or have an operator raise the limit (at most " + hardMax + "): PUT /API/v4/Admin/"
                + "Issuers/" + issuer.value() + "/Limits {\"MaxItemsPerBatch\": " + Math.min(items, hardMax) + "}";
    }

    private static FieldError missing(String field) {
        return new FieldError(field, ErrorCode.MISSING_FIELD, field + " is required");
    }
}
