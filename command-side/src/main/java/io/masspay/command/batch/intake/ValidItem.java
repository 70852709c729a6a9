package io.masspay.command.batch.intake;

import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;

import java.util.Map;

/** An item that passed every rule, with its wallet and destination resolved; not yet claimed. */
public record ValidItem(ItemRequest request, RecipientId recipientId, SendMethod method, Money amount,
                        WalletId recipientWallet, Map<String, String> destination) {

    public String customerTransactionId() {
        return request.customerTransactionId();
    }

    public int position() {
        return request.index();
    }

    /** What makes a resubmitted item "the same item" (API.md section 2: RecipientId, Amount, SendMethodId). */
    public boolean sameAs(String recipientId, String sendMethodId, long amountMinor, String currency) {
        return this.recipientId.value().equals(recipientId) && method.id().equals(sendMethodId)
                && amount.minorUnits() == amountMinor && amount.currency().name().equals(currency);
    }
}
