package io.masspay.infra.support;

import io.masspay.kernel.batch.BatchCompleted;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.PayoutRequested;
import io.masspay.kernel.transaction.PayoutSucceeded;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.transaction.AttemptStart;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.CashoutStarted;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.kernel.transaction.PaymentLane;
import io.masspay.kernel.wallet.Credit;
import io.masspay.kernel.wallet.Debit;
import io.masspay.kernel.wallet.IssuerDebited;
import io.masspay.kernel.wallet.OwnerType;
import io.masspay.kernel.wallet.WalletCreated;
import io.masspay.kernel.wallet.WalletCredited;
import io.masspay.kernel.wallet.WalletFunded;

import java.util.List;
import java.util.Map;

/**
 * The domain events of one issuer's payouts, with everything a projection does not look at filled in, so a
 * projection test names only what its rows depend on. Amounts are USD decimals ({@code "10.00"}); an item's
 * recipient is {@code PAT-<tx>} with the wallet {@code WAL-PAT-<tx>}, paid by bank transfer (XTR94500).
 */
public final class PayoutEvents {

    public static final String ISSUER = "SPN001";
    public static final String ISSUER_WALLET = "WAL-SPN001";

    private PayoutEvents() {
    }

    public static Money usd(String decimal) {
        return Money.of(decimal, CurrencyCode.USD);
    }

    public static WalletCreated issuerWalletCreated(String issuer, String walletId) {
        return new WalletCreated(WalletId.of(walletId), IssuerAccountNumber.of(issuer), OwnerType.Issuer, issuer,
                CurrencyCode.USD);
    }

    public static WalletCreated recipientWalletCreated(String issuer, String walletId, String recipient) {
        return new WalletCreated(WalletId.of(walletId), IssuerAccountNumber.of(issuer), OwnerType.Recipient, recipient,
                CurrencyCode.USD);
    }

    public static WalletFunded funded(String walletId, String amount) {
        return new WalletFunded(WalletId.of(walletId), usd(amount), "wire-1");
    }

    /** {@code received} items of which {@code accepted} were taken; the rest rejected as duplicates. */
    public static BatchSubmitted batchSubmitted(String issuer, String batchId, int received, int accepted) {
        List<RejectedItem> rejected = java.util.stream.IntStream.range(accepted, received)
                .mapToObj(i -> new RejectedItem("REJ-" + i, ErrorCode.DUPLICATE_IN_BATCH, "CustomerTransactionId",
                        "duplicate"))
                .toList();
        return new BatchSubmitted(BatchId.of(batchId), IssuerAccountNumber.of(issuer), "C-" + batchId,
                WalletId.of(ISSUER_WALLET), CurrencyCode.USD, received, accepted, rejected);
    }

    public static ItemSubmitted itemSubmitted(String issuer, String batchId, String tx, int position, String amount) {
        return new ItemSubmitted(TransactionId.of(tx), BatchId.of(batchId), IssuerAccountNumber.of(issuer), "C-" + tx,
                RecipientId.of("PAT-" + tx), SendMethod.BANK_TRANSFER, usd(amount), WalletId.of(ISSUER_WALLET),
                WalletId.of(recipientWallet(tx)), Map.of("BankAccountId", "BNK-" + tx), 1, position, PaymentLane.BULK);
    }

    public static CashoutStarted cashoutStarted(String issuer, String tx, String amount) {
        return new CashoutStarted(TransactionId.of(tx), IssuerAccountNumber.of(issuer), RecipientId.of("PAT-" + tx),
                WalletId.of(recipientWallet(tx)), SendMethod.PUSH_TO_CARD, usd(amount), Map.of());
    }

    public static AttemptStarted attemptStarted(String batchId, String tx, int attemptNo) {
        return new AttemptStarted(TransactionId.of(tx), BatchId.of(batchId), attemptNo, AttemptStart.IssuerDebit);
    }

    public static ItemSucceeded succeeded(String batchId, String tx, int attemptNo) {
        return new ItemSucceeded(TransactionId.of(tx), batchId == null ? null : BatchId.of(batchId), attemptNo);
    }

    public static ItemFailed failed(String batchId, String tx, int attemptNo, ErrorCode reason) {
        return new ItemFailed(TransactionId.of(tx), BatchId.of(batchId), attemptNo, reason);
    }

    public static RetainedInWallet retained(String batchId, String tx, int attemptNo, ErrorCode reason) {
        return new RetainedInWallet(TransactionId.of(tx), BatchId.of(batchId), attemptNo, reason,
                WalletId.of(recipientWallet(tx)));
    }

    public static BatchCompleted batchCompleted(String batchId, BatchStatus status, int succeeded, int failed,
                                                int retained) {
        return new BatchCompleted(BatchId.of(batchId), status, succeeded, failed, retained);
    }

    /** A chunk's issuer debit: one line per item, in the order given. */
    public static IssuerDebited issuerDebited(String walletId, Debit... lines) {
        return new IssuerDebited(WalletId.of(walletId), List.of(lines));
    }

    /** One line of a chunk's issuer debit: {@code tx}'s attempt 1. */
    public static Debit debit(String tx, String amount) {
        return new Debit(TransactionId.of(tx), 1, usd(amount));
    }

    /** The credit of {@code tx}'s recipient wallet, attempt 1. */
    public static WalletCredited walletCredited(String tx, String amount) {
        return new WalletCredited(WalletId.of(recipientWallet(tx)),
                List.of(new Credit(TransactionId.of(tx), 1, usd(amount))));
    }

    public static PayoutRequested payoutRequested(String tx, int attemptNo, String amount) {
        return new PayoutRequested(WalletId.of(recipientWallet(tx)), TransactionId.of(tx), attemptNo,
                SendMethod.BANK_TRANSFER, usd(amount), Map.of("BankAccountId", "BNK-" + tx));
    }

    public static PayoutSucceeded payoutSucceeded(String tx, int attemptNo, String amount) {
        return new PayoutSucceeded(TransactionId.of(tx), attemptNo, SendMethod.BANK_TRANSFER, usd(amount));
    }

    public static String recipientWallet(String tx) {
        return "WAL-PAT-" + tx;
    }
}
