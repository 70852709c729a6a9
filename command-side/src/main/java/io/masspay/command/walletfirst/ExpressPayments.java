package io.masspay.command.walletfirst;

import io.masspay.kernel.transaction.ExpressItems;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The express lane (ADR 0014): pays the items of issuers whose backlog was small when they were submitted,
 * in its own processor, so that they never queue behind another issuer's flood in the bulk lane. It handles
 * only {@link ExpressItems}, one per express submission: the bulk lane's items never reach its work packages.
 * Never replayed.
 */
@Component
@ProcessingGroup(ExpressPayments.GROUP)
public class ExpressPayments {

    public static final String GROUP = "payments-express";

    private final PaymentChunks chunks;

    ExpressPayments(PaymentChunks chunks) {
        this.chunks = chunks;
    }

    @EventHandler
    @DisallowReplay
    void on(ExpressItems express) {
        express.items().forEach(chunks::add);
    }
}
