package io.masspay.command.payout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.ConfirmPayout;
import io.masspay.kernel.payout.FailPayout;
import io.masspay.kernel.payout.FundsReturnedToWallet;
import io.masspay.kernel.payout.PayOut;
import io.masspay.kernel.payout.PayoutFailed;
import io.masspay.kernel.payout.PayoutRequested;
import io.masspay.kernel.payout.PayoutSucceeded;
import io.masspay.kernel.payout.RailResponse;
import io.masspay.kernel.payout.RetainItem;
import io.masspay.kernel.payout.RetainedInWallet;
import io.masspay.kernel.payout.ReturnFunds;
import io.masspay.kernel.payout.SendMethod;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

/**
 * One payout attempt, from the money entering rail clearing to its end. It calls the rail outside
 * every aggregate with the idempotency key {@code TransactionId:AttemptNo}; an unavailable rail is
 * called again after a backoff scheduled as an Axon deadline (never a sleep); a timeout deadline bounds
 * the whole attempt. It ends on both terminal paths: paid (the
 * {@link ConfirmPayout} that records {@link PayoutSucceeded} runs in this saga's unit of work, so the
 * saga ends with it), or refused and compensated ({@link PayoutFailed} -> {@link ReturnFunds} ->
 * {@link FundsReturnedToWallet} -> {@link RetainedInWallet}).
 *
 * <p>Deadlines exist only while the attempt waits (ADR 0009): a rail that pays on the first call, the
 * common case, leaves no saga row and no deadline behind, where it used to cost a timeout scheduled and
 * cancelled, a saga stored, loaded again for the {@link PayoutSucceeded} and deleted.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PayoutSaga {

    static final String ASSOCIATION = "transactionId";
    static final String RETRY = "payout-retry";
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
    private Map<String, String> destination;
    private int calls;
    private ErrorCode failure;
    private String retryDeadline;
    private String timeoutDeadline;

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PayoutRequested event) {
        transactionId = event.transactionId();
        attemptNo = event.attemptNo();
        walletId = event.walletId();
        method = event.method();
        amount = event.amount();
        destination = event.destination();
        callRail();
    }

    @DeadlineHandler(deadlineName = RETRY)
    void retry() {
        retryDeadline = null;
        if (failure == null) {
            callRail();
        }
    }

    /** The rail never gave a final answer in time: the money goes back to the wallet. */
    @DeadlineHandler(deadlineName = TIMEOUT)
    void timedOut() {
        timeoutDeadline = null;
        if (failure == null) {
            fail(ErrorCode.PROVIDER_UNAVAILABLE);
        }
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PayoutFailed event) {
        if (event.attemptNo() == attemptNo) {
            failure = event.reason();
            cancelDeadlines();
            commands.sendAndWait(new ReturnFunds(walletId, transactionId, attemptNo, method, amount));
        }
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(FundsReturnedToWallet event) {
        if (event.attemptNo() == attemptNo) {
            commands.sendAndWait(new RetainItem(transactionId, attemptNo, failure, walletId));
        }
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(RetainedInWallet event) {
        if (event.attemptNo() == attemptNo) {
            // the money is back in the recipient wallet: nothing is left to do for this attempt
            SagaLifecycle.end();
        }
    }

    private void callRail() {
        calls++;
        RailResponse response = commands.sendAndWait(new PayOut(PayOut.idempotencyKey(transactionId, attemptNo),
                transactionId, attemptNo, method, amount, destination));
        switch (response.outcome()) {
            case Paid -> {
                // records PayoutSucceeded in this unit of work: nothing is left to wait for
                commands.sendAndWait(new ConfirmPayout(transactionId, attemptNo));
                cancelDeadlines();
                SagaLifecycle.end();
            }
            case Unavailable -> {
                if (policy.mayCallAgain(calls)) {
                    retryDeadline = deadlines.schedule(policy.backoffAfter(calls), RETRY);
                    if (timeoutDeadline == null) {
                        // the first call's answer: as good as the attempt's start, a rail call being bounded
                        timeoutDeadline = deadlines.schedule(policy.timeout(), TIMEOUT);
                    }
                } else {
                    fail(ErrorCode.PROVIDER_UNAVAILABLE);
                }
            }
            case Declined, DestinationClosed -> fail(response.errorCode());
        }
    }

    private void fail(ErrorCode reason) {
        failure = reason;
        commands.sendAndWait(new FailPayout(transactionId, attemptNo, reason));
    }

    private void cancelDeadlines() {
        if (retryDeadline != null) {
            deadlines.cancelSchedule(RETRY, retryDeadline);
            retryDeadline = null;
        }
        if (timeoutDeadline != null) {
            deadlines.cancelSchedule(TIMEOUT, timeoutDeadline);
            timeoutDeadline = null;
        }
    }
}
