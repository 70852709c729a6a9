package io.masspay.query.audit;

import io.masspay.kernel.batch.BatchCompleted;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.AttemptStart;
import io.masspay.kernel.wallet.Debit;
import io.masspay.kernel.wallet.IssuerDebited;
import io.masspay.kernel.wallet.WalletFunded;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSubjectTest {

    static final BatchId BATCH = new BatchId("bt_1");
    static final TransactionId TX = new TransactionId("tx_1");
    static final WalletId WALLET = new WalletId("WAL-1");
    static final Money TEN = Money.of("10.00", CurrencyCode.USD);

    @Test
    void shouldIndexAWalletPostingUnderEachTransactionItMovesMoneyFor() {
        IssuerDebited chunk = new IssuerDebited(WALLET, List.of(
                new Debit(TX, 1, TEN), new Debit(new TransactionId("tx_2"), 3, TEN)));
        assertThat(AuditSubject.of(chunk))
                .containsExactly(new AuditSubject(null, "tx_1"), new AuditSubject(null, "tx_2"));
    }

    @Test
    void shouldIndexAnItemEventUnderItsBatchAndItsTransaction() {
        assertThat(AuditSubject.of(new AttemptStarted(TX, BATCH, 2, AttemptStart.RecipientWallet)))
                .contains(new AuditSubject("bt_1", "tx_1"));
    }

    @Test
    void shouldIndexABatchEventUnderItsBatchOnly() {
        assertThat(AuditSubject.of(new BatchCompleted(BATCH, BatchStatus.Completed, 1, 0, 0)))
                .contains(new AuditSubject("bt_1", null));
    }

    @Test
    void shouldIndexACashOutOutcomeUnderItsTransactionOnly() {
        assertThat(AuditSubject.of(new RetainedInWallet(TX, null, 1, ErrorCode.PROVIDER_DECLINED, WALLET)))
                .contains(new AuditSubject(null, "tx_1"));
    }

    @Test
    void shouldNotIndexWhatNamesNeitherABatchNorATransaction() {
        assertThat(AuditSubject.of(new WalletFunded(WALLET, TEN, "funding"))).isEmpty();
        assertThat(AuditSubject.of("not an event")).isEmpty();
    }
}
