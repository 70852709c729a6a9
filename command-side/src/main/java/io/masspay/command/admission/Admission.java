package io.masspay.command.admission;

import io.masspay.kernel.error.RateLimited;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.transaction.PaymentLane;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Admission control per issuer (ADR 0014, API.md section 10): at most {@code masspay.admission.max-open-items}
 * items accepted and not yet final. Runs inside the submission's transaction, after its claims: a
 * transaction-scoped advisory lock per issuer orders two submissions of one issuer (the second sums after the
 * first has committed or rolled back, so both cannot pass on the same count), the sum reads only the issuer's
 * batches with open items (a partial index), and the batch's own row commits with its events or not at all.
 * Refused: {@link RateLimited}, the whole unit of work rolls back, nothing is stored. The lock is the issuer's
 * own: other issuers never wait for it.
 */
@Repository
public class Admission {

    /** The advisory lock's first key: this lock's namespace, so no other advisory lock can collide with it. */
    private static final int LOCK_SPACE = 0x4D504144; // "MPAD"

    private final JdbcTemplate jdbc;
    private final ReadModelBacklog readBacklog;
    private final RecentRefusals recentRefusals;
    private final int maxOpenItems;
    private final int smallBacklog;
    private final long maxReadBacklog;
    private final Duration retryAfter;

    Admission(JdbcTemplate jdbc, ReadModelBacklog readBacklog, RecentRefusals recentRefusals,
              @Value("${masspay.admission.max-open-items:50000}") int maxOpenItems,
              @Value("${masspay.admission.small-backlog:1000}") int smallBacklog,
              @Value("${masspay.admission.max-read-backlog:2000}") long maxReadBacklog,
              @Value("${masspay.admission.retry-after:PT5S}") Duration retryAfter) {
        if (maxOpenItems < 1 || smallBacklog < 0 || maxReadBacklog < 0 || retryAfter.isNegative()
                || retryAfter.isZero()) {
            throw new IllegalArgumentException("masspay.admission: max-open-items >= 1, small-backlog >= 0, "
                    + "max-read-backlog >= 0 and a positive retry-after are required");
        }
        this.jdbc = jdbc;
        this.readBacklog = readBacklog;
        this.recentRefusals = recentRefusals;
        this.maxOpenItems = maxOpenItems;
        this.smallBacklog = smallBacklog;
        this.maxReadBacklog = maxReadBacklog;
        this.retryAfter = retryAfter;
    }

    /**
     * Refuses at once, before the submission is reviewed, what cannot fit: {@code received} items (valid or not)
     * on top of what the issuer has open. Without the lock, so a racing submission may still be refused by
     * {@link #admit}; its point is that a flooder at its cap costs one indexed query per POST, not a review of
     * 5,000 items that is then rolled back. A retry of a batch it knows is left to {@link #admit}: a replay must
     * still get its answer.
     */
    public void precheck(IssuerAccountNumber issuer, String customerBatchId, int received) {
        precheck(issuer, () -> customerBatchId, received);
    }

    /**
     * The same check with the batch's id found only when a refusal is due: called before the body is parsed with
     * {@code received} 1 (every batch has an item), it refuses what would be refused whatever the body holds, so
     * a flooder at its cap or behind the read models costs one indexed query per POST, not a parse of 5,000 items.
     */
    public void precheck(IssuerAccountNumber issuer, Supplier<String> customerBatchId, int received) {
        long open = openItems(issuer);
        RateLimited refusal = open + received > maxOpenItems ? refusal(open, received)
                : open + received > smallBacklog ? readsBehind() : null;
        if (refusal != null && !knownBatch(issuer, customerBatchId.get())) {
            throw remembered(issuer, refusal);
        }
    }

    private boolean knownBatch(IssuerAccountNumber issuer, String customerBatchId) {
        return customerBatchId != null && Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from batch_claim where issuer_account_number = ? and customer_batch_id = ?)""",
                Boolean.class, issuer.value(), customerBatchId));
    }

    private long openItems(IssuerAccountNumber issuer) {
        return jdbc.queryForObject("""
                select coalesce(sum(open_items), 0) from admission_batch
                where issuer_account_number = ? and open_items > 0""", Long.class, issuer.value());
    }

    private RateLimited refusal(long open, int items) {
        return new RateLimited("This issuer has " + open + " items accepted and not yet final; " + items
                + " more would pass its limit of " + maxOpenItems + ". Nothing was stored; retry later", retryAfter);
    }

    /**
     * Admits {@code items} new items of {@code batchId} (a new batch, or items a retry adds) or refuses them all.
     *
     * @return the lane that pays them: express while the issuer's backlog, these items included, is small
     */
    public PaymentLane admit(IssuerAccountNumber issuer, BatchId batchId, int items) {
        jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_SPACE, issuer.value());
        long open = openItems(issuer);
        if (open + items > maxOpenItems) {
            throw remembered(issuer, refusal(open, items));
        }
        PaymentLane lane = open + items <= smallBacklog ? PaymentLane.EXPRESS : PaymentLane.BULK;
        if (lane == PaymentLane.BULK) {
            refuseWhileReadsAreBehind(issuer);
        }
        jdbc.update("""
                insert into admission_batch (batch_id, issuer_account_number, open_items) values (?, ?, ?)
                on conflict (batch_id) do update set open_items = admission_batch.open_items + excluded.open_items""",
                batchId.value(), issuer.value(), items);
        return lane;
    }

    /**
     * The bulk lane's appends wait for the read models (ADR 0020): while they are more than
     * {@code max-read-backlog} events behind the store, a submission for the bulk lane is refused, so one
     * issuer's 5,000-item appends cannot push every other issuer's status, history and ledger further behind.
     * Checked inside the issuer's lock, after its previous submission committed, so an issuer adds at most one
     * large append to a backlog at a time. The express lane (small backlogs) is never held back by it.
     */
    private void refuseWhileReadsAreBehind(IssuerAccountNumber issuer) {
        RateLimited refusal = readsBehind();
        if (refusal != null) {
            throw remembered(issuer, refusal);
        }
    }

    private RateLimited remembered(IssuerAccountNumber issuer, RateLimited refusal) {
        recentRefusals.refused(issuer, refusal.retryAfter());
        return refusal;
    }

    private RateLimited readsBehind() {
        long behind = readBacklog.events();
        if (behind <= maxReadBacklog) {
            return null;
        }
        return new RateLimited("The read models are " + behind + " events behind; a submission for the bulk lane "
                + "(this issuer's items not yet final would be more than " + smallBacklog + ") is accepted once they "
                + "are at most " + maxReadBacklog
                + " behind. Nothing was stored; retry later", retryAfter);
    }
}
