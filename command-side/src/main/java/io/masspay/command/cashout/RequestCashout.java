package io.masspay.command.cashout;

import io.masspay.command.batch.intake.ItemRequest;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.WalletId;

/** Pay a recipient wallet's balance out on a rail, on behalf of the issuer {@code caller}. */
record RequestCashout(IssuerAccountNumber caller, WalletId walletId, ItemRequest item) {
}
