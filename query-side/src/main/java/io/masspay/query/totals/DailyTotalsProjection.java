package io.masspay.query.totals;

import io.masspay.kernel.transaction.ItemStatus;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.query.support.TransactionViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import io.masspay.query.support.PendingWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Daily totals per issuer (API.md section 9). Each batch item counts once, under its latest final
 * outcome, on the UTC date the outcome happened: a day's totals are then the items that ended that day,
 * a finance team's usual question. An item retried after a failure leaves the day it failed on and
 * counts again when its new attempt ends. Cash-outs (no batch) move a recipient's own money and are not
 * counted. All events are the Transaction's own, so writes are guarded by its sequence number: a
 * redelivered or replayed event changes nothing. Writes go out in one JDBC batch per statement when the
 * processor batch commits: all inserts first, then the updates, each item's latest.
 */
@Component
@ProcessingGroup(TransactionViews.GROUP)
public class DailyTotalsProjection {

    /** The read model's name, also the key of its pending writes within the shared processor's batch. */
    public static final String READ_MODEL = "daily-totals";

    private static final String SUBMITTED = """
            insert into daily_totals_item (transaction_id, issuer_account_number, send_method_id, amount_minor,
                currency, status, attempt_no, outcome_date, last_sequence)
            values (?, ?, ?, ?, ?, ?, ?, null, ?) on conflict do nothing""";
    /** Every outcome of the processor batch in one statement: per item the latest, over an older one only. */
    private static final String OUTCOME = """
            update daily_totals_item d set status = u.status, attempt_no = u.attempt_no,
                outcome_date = u.outcome_date, last_sequence = u.sequence
            from (select distinct on (transaction_id) * from unnest(?::varchar[], ?::integer[], ?::date[],
                    ?::bigint[], ?::varchar[]) as c(status, attempt_no, outcome_date, sequence, transaction_id)
                  order by transaction_id, sequence desc) u
            where d.transaction_id = u.transaction_id and d.last_sequence < u.sequence""";

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public DailyTotalsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new PendingWrites(jdbc, READ_MODEL, List.of(SUBMITTED, OUTCOME));
    }

    @EventHandler
    void on(ItemSubmitted event, @SequenceNumber long sequence) {
        writes.add(SUBMITTED, event.transactionId().value(), event.issuer().value(), event.sendMethod().id(),
                event.amount().minorUnits(), event.amount().currency().name(), ItemStatus.Processing.name(),
                event.attemptNo(), sequence);
    }

    @EventHandler
    void on(AttemptStarted event, @SequenceNumber long sequence) {
        record(event.transactionId().value(), ItemStatus.Processing, event.attemptNo(), null, sequence);
    }

    @EventHandler
    void on(ItemSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(event.transactionId().value(), ItemStatus.Success, event.attemptNo(), at, sequence);
    }

    @EventHandler
    void on(ItemFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(event.transactionId().value(), ItemStatus.Failed, event.attemptNo(), at, sequence);
    }

    @EventHandler
    void on(RetainedInWallet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(event.transactionId().value(), ItemStatus.RetainedInWallet, event.attemptNo(), at, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate daily_totals_item");
    }

    /** A cash-out has no row (it has no ItemSubmitted), so its outcome updates nothing. */
    private void record(String transactionId, ItemStatus status, int attemptNo, Instant at, long sequence) {
        LocalDate date = at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
        writes.add(OUTCOME, status.name(), attemptNo, date, sequence, transactionId);
    }
}
