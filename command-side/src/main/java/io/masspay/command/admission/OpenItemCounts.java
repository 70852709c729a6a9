package io.masspay.command.admission;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.processing.UnitOfWorkBuffer;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSucceeded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps {@code admission_batch.open_items} (ADR 0014): an item's end lowers its batch's count, a new attempt
 * (or a paid item the rail returned, until it is retained) raises it. One statement per batch per event
 * batch, at commit, with the processor's token. It lags the outcomes a little: the count is then too high,
 * never too low, so the cap errs on the safe side. One rare double end (a payout settled late after its item
 * had failed) lowers the count once too often; the count never goes below zero.
 * Never replayed: the counts are deltas.
 */
@Component
@ProcessingGroup(OpenItemCounts.GROUP)
class OpenItemCounts {

    static final String GROUP = "admission";
    private final JdbcTemplate jdbc;
    /** Sorted by batch: two writers of the same rows always lock them in one order. */
    private final UnitOfWorkBuffer<Map<String, Integer>> deltas =
            new UnitOfWorkBuffer<>(OpenItemCounts.class.getName() + ".deltas", TreeMap::new, this::flush);

    OpenItemCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(ItemSucceeded event) {
        change(event.batchId(), -1);
    }

    @EventHandler
    @DisallowReplay
    void on(ItemFailed event) {
        change(event.batchId(), -1);
    }

    @EventHandler
    @DisallowReplay
    void on(RetainedInWallet event) {
        change(event.batchId(), -1);
    }

    @EventHandler
    @DisallowReplay
    void on(AttemptStarted event) {
        change(event.batchId(), +1);
    }

    @EventHandler
    @DisallowReplay
    void on(PayoutReturned event) {
        change(event.batchId(), +1);
    }

    /** Cash-outs are in no batch and were never admitted. */
    private void change(BatchId batch, int delta) {
        if (batch != null) {
            deltas.current().merge(batch.value(), delta, Integer::sum);
        }
    }

    private void flush(Map<String, Integer> deltas) {
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((batch, delta) -> {
            if (delta != 0) {
                rows.add(new Object[]{delta, batch});
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("update admission_batch set open_items = greatest(open_items + ?, 0) where batch_id = ?",
                    rows);
        }
    }
}
