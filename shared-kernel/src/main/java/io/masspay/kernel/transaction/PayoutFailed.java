package io.masspay.kernel.transaction;

import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The attempt's payout ended without the rail paying: refused for good, unavailable through every call,
 * or given up by its timeout. The money still sits in rail clearing; the {@code PayoutSaga} returns it to
 * {@code walletId}. {@code outcomeUnknown}: the attempt timed out while the rail had not said whether it
 * paid (a pending payout, or calls that got no answer), so a late {@code Paid} may still come (ADR 0013).
 * Revision 1 had only the first three fields.
 */
@Revision("2")
public record PayoutFailed(TransactionId transactionId, int attemptNo, ErrorCode reason, WalletId walletId,
                           SendMethod method, Money amount, boolean outcomeUnknown) implements PayoutStep {
}
