package io.masspay.query.history;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.transaction.ItemStatus;
import io.masspay.kernel.wallet.LatePayoutRecovered;
import io.masspay.kernel.transaction.PayoutFailed;
import io.masspay.kernel.transaction.PayoutPending;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.AttemptStart;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.kernel.wallet.PayoutRequested;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.wallet.Credit;
import io.masspay.kernel.wallet.WalletCredited;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryStepTest {

    static final TransactionId TX = new TransactionId("tx_1");
    static final BatchId BATCH = new BatchId("bt_1");
    static final WalletId WALLET = new WalletId("WAL-1");
    static final Money ONE = Money.of("1.00", CurrencyCode.USD);

    @Test
    void shouldNameAStepAfterItsEventAndKeepItsAttempt() {
        assertThat(HistoryStep.of(new PayoutRequested(WALLET, TX, 2, SendMethod.BANK_TRANSFER, ONE, Map.of())))
                .containsExactly(new HistoryStep(TX, 2, "PayoutRequested", null, null));
        assertThat(HistoryStep.of(new PayoutFailed(TX, 1, ErrorCode.PROVIDER_DECLINED, WALLET, SendMethod.BANK_TRANSFER, ONE, false)))
                .as("a failed payout does not end the attempt: the money still has to come back")
                .contains(new HistoryStep(TX, 1, "PayoutFailed", null, null));
    }

    @Test
    void shouldMakeEveryPayoutEventAStepOfItsAttempt() {
        assertThat(HistoryStep.of(new PayoutPending(TX, 1, WALLET, SendMethod.BANK_TRANSFER, ONE)))
                .containsExactly(new HistoryStep(TX, 1, "PayoutPending", null, null));
        assertThat(HistoryStep.of(new PayoutReturned(TX, BATCH, 1, WALLET, SendMethod.BANK_TRANSFER, ONE, "R01")))
                .containsExactly(new HistoryStep(TX, 1, "PayoutReturned", null, null));
        assertThat(HistoryStep.of(new LatePayoutRecovered(WALLET, TX, 3, SendMethod.BANK_TRANSFER, ONE)))
                .containsExactly(new HistoryStep(TX, 3, "LatePayoutRecovered", null, null));
    }

    @Test
    void shouldMakeAChunksWalletPostingAStepOfEachOfItsItems() {
        TransactionId other = new TransactionId("tx_2");
        assertThat(HistoryStep.of(new WalletCredited(WALLET, List.of(new Credit(TX, 2, ONE), new Credit(other, 1, ONE)))))
                .containsExactly(new HistoryStep(TX, 2, "WalletCredited", null, null),
                        new HistoryStep(other, 1, "WalletCredited", null, null));
    }

    @Test
    void shouldEndTheAttemptOnItsFinalStep() {
        assertThat(HistoryStep.of(new ItemSucceeded(TX, BATCH, 1)))
                .contains(new HistoryStep(TX, 1, "ItemSucceeded", ItemStatus.Success, null));
        assertThat(HistoryStep.of(new RetainedInWallet(TX, BATCH, 1, ErrorCode.DESTINATION_CLOSED, WALLET)))
                .contains(new HistoryStep(TX, 1, "RetainedInWallet", ItemStatus.RetainedInWallet,
                        ErrorCode.DESTINATION_CLOSED));
    }

    @Test
    void shouldNotTakeTheStartOfAnAttemptForAStep() {
        assertThat(HistoryStep.of(new AttemptStarted(TX, BATCH, 2, AttemptStart.IssuerDebit))).isEmpty();
    }
}
