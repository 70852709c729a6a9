package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.WalletId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The express lane's work (ADR 0014): the items of one submission admitted to {@link PaymentLane#EXPRESS}, stored
 * in the same transaction as their {@link ItemSubmitted} events. Published on no aggregate, so no audit or
 * history stream lists it. The express processor handles only this type: its coordinator never hands it a
 * bulk item, so a flood of bulk items costs it no work.
 */
@Revision("1")
public record ExpressItems(WalletId sourceWalletId, List<ItemSubmitted> items) {

    public ExpressItems {
        items = List.copyOf(items);
    }
}
