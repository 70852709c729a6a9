package io.masspay.query.audit;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;

import java.lang.reflect.RecordComponent;

/**
 * What an event names that leads to its issuer, read from its record components by type, most direct
 * first: the issuer itself (a batch, an item, a cash-out, a wallet created), else its wallet (every
 * posting, a funding), else its batch, else its transaction (a payout that succeeded). Every event of
 * the kernel names at least one of them, so the feed follows new events without a list to keep up to
 * date. Only the most direct is kept: the others would lead to the same issuer (a wallet, a batch and
 * its items belong to one issuer, ADR 0012).
 */
record FeedOwner(String issuer, String walletId, String batchId, String transactionId) {

    private static final FeedOwner NONE = new FeedOwner(null, null, null, null);

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] found = new RecordComponent[4];
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Class<?> t = component.getType();
                    int slot = t == IssuerAccountNumber.class ? 0 : t == WalletId.class ? 1 : t == BatchId.class ? 2
                            : t == TransactionId.class ? 3 : -1;
                    if (slot >= 0 && found[slot] == null) {
                        found[slot] = component;
                    }
                }
            }
            return found;
        }
    };

    static FeedOwner of(Object event) {
        RecordComponent[] components = COMPONENTS.get(event.getClass());
        for (int slot = 0; slot < components.length; slot++) {
            String value = RecordIds.value(components[slot], event);
            if (value != null) {
                return switch (slot) {
                    case 0 -> new FeedOwner(value, null, null, null);
                    case 1 -> new FeedOwner(null, value, null, null);
                    case 2 -> new FeedOwner(null, null, value, null);
                    default -> new FeedOwner(null, null, null, value);
                };
            }
        }
        return NONE;
    }

    boolean isKnown() {
        return this != NONE;
    }
}
