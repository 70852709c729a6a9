package io.masspay.command.walletfirst;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.transaction.ItemSubmitted;

import java.util.List;

/**
 * The submissions of a released batch's items (API.md section 11), read back in one query for the whole batch:
 * a held batch's items were never in any lane's events, and a query per item would put 5,000 round trips on the
 * payments processor (docs/DESIGN.md, "The cost model").
 */
public interface HeldItems {

    /** Every item of the batch (retries' additions included), in submission order. */
    List<ItemSubmitted> of(BatchId batchId);
}
