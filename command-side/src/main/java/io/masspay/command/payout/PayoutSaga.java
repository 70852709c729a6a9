package io.masspay.command.payout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.FundsReturnedToWallet;
import io.masspay.kernel.wallet.LatePayoutRecovered;
import io.masspay.kernel.transaction.PayoutFailed;
import io.masspay.kernel.transaction.PayoutPending;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.transaction.PayoutSettledLate;
import io.masspay.kernel.wallet.RecoverLatePayout;
import io.masspay.kernel.transaction.RetainItem;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.wallet.ReturnFunds;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.transaction.TimeOutPayout;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One payout attempt that has to wait or to be undone, associated by its idempotency key
 * {@code TransactionId:AttemptNo}. The rail calls themselves are the rail dispatcher's: no thread waits for
 * a rail here (ADR 0013). The saga owns what outlives a call:
 * <ul>
 * <li>the attempt's timeout: started when the rail leaves the payout {@link PayoutPending}; when it fires
 * before the payout was settled, the attempt is given up with its outcome unknown;</li>
 * <li>compensation: a failed payout ({@link PayoutFailed}) or a returned one ({@link PayoutReturned}) sends
 * the money from rail clearing back to the recipient wallet ({@link ReturnFunds}), then retains the item;</li>
 * <li>a late payment ({@link PayoutSettledLate}): the amount leaves the wallet it had been returned to.</li>
 * </ul>
 * It ends on every path. A payout paid at once, the common case, never starts one (as in ADR 0009).
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PayoutSaga {

    static final String ASSOCIATION = "payoutKey";
    static final String TIMEOUT = "payout-timeout";

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient PayoutPolicy policy;

    private TransactionId transactionId;
    private int attemptNo;
    private WalletId walletId;
    private SendMethod method;
    private Money amount;
    private ErrorCode failure;
    private String timeoutDeadline;

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PayoutPending event) {
        remember(event.transactionId(), event.attemptNo(), event.walletId(), event.method(), event.amount());
        timeoutDeadline = deadlines.schedule(policy.timeout(), TIMEOUT);
    }

    /**
     * The rail never gave a final answer in time: the money goes back, the key stays open for a late one.
     * If the payout was settled meanwhile (paid, or refused and compensated), there is nothing left to do.
     * A paid pending payout is not followed here: that would cost every paid payout an association lookup,
     * so its saga waits for this deadline instead.
     */
    @DeadlineHandler(deadlineName = TIMEOUT)
    void timedOut() {
        timeoutDeadline = null;
        if (!commands.<Boolean>sendAndWait(new TimeOutPayout(transactionId, attemptNo))) {
            SagaLifecycle.end();
        }
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PayoutFailed event) {
        remember(event.transactionId(), event.attemptNo(), event.walletId(), event.method(), event.amount());
        cancelTimeout();
        sendMoneyBack(event.reason());
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PayoutReturned event) {
        remember(event.transactionId(), event.attemptNo(), event.walletId(), event.method(), event.amount());
        sendMoneyBack(ErrorCode.PAYOUT_RETURNED);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(FundsReturnedToWallet event) {
        commands.sendAndWait(new RetainItem(transactionId, attemptNo, failure, walletId));
    }

    /** The money is back in the recipient wallet: nothing is left to do for this attempt. */
    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(RetainedInWallet event) {
        cancelTimeout();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PayoutSettledLate event) {
        remember(event.transactionId(), event.attemptNo(), event.walletId(), event.method(), event.amount());
        commands.sendAndWait(new RecoverLatePayout(walletId, transactionId, attemptNo, method, amount));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(LatePayoutRecovered event) {
        cancelTimeout();
    }

    private void remember(TransactionId transaction, int attempt, WalletId wallet, SendMethod sendMethod,
                          Money payoutAmount) {
        transactionId = transaction;
        attemptNo = attempt;
        walletId = wallet;
        method = sendMethod;
        amount = payoutAmount;
    }

    private void sendMoneyBack(ErrorCode reason) {
        failure = reason;
        commands.sendAndWait(new ReturnFunds(walletId, transactionId, attemptNo, method, amount));
    }

    private void cancelTimeout() {
        if (timeoutDeadline != null) {
            deadlines.cancelSchedule(TIMEOUT, timeoutDeadline);
            timeoutDeadline = null;
        }
    }
}
