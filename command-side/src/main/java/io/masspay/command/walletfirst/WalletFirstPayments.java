package io.masspay.command.walletfirst;

import io.masspay.kernel.batch.BatchReleased;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.PaymentLane;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The bulk lane (ADR 0004, ADR 0014): pays, in chunks, every item not submitted for the express lane, and
 * every new attempt of an item. Never replayed: it issues commands, and a replay would pay again.
 */
@Component
@ProcessingGroup(WalletFirstPayments.GROUP)
public class WalletFirstPayments {

    public static final String GROUP = "payments";

    private final PaymentChunks chunks;

    WalletFirstPayments(PaymentChunks chunks) {
        this.chunks = chunks;
    }

    @EventHandler
    @DisallowReplay
    void on(ItemSubmitted item) {
        if (PaymentLane.of(item) == PaymentLane.BULK) {
            chunks.add(item);
        }
    }

    /** A held batch's items: paid in this lane once the batch is released (API.md section 11). */
    @EventHandler
    @DisallowReplay
    void on(BatchReleased released) {
        chunks.add(released);
    }

    @EventHandler
    @DisallowReplay
    void on(AttemptStarted attempt) {
        chunks.add(attempt);
    }
}
