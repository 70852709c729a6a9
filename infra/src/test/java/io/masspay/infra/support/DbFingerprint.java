package io.masspay.infra.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * What a request could have written, in one string: the event store (rows and highest index) and every
 * command-side table, row by row (so an update shows as well as an insert). Two equal fingerprints around a
 * refused request prove it wrote nothing. Read models and the webhook outbox are left out: they follow the
 * event store asynchronously.
 */
public final class DbFingerprint {

    private static final String SQL = """
            select concat_ws(' | ',
              (select count(*) || '@' || coalesce(max(global_index), 0) from domain_event_entry),
              (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from issuer t),
              (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from api_key t),
              (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from oauth_client t),
              (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from recipient t),
              (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from bank_account t),
              (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from card t),
              (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from wallet_registry t),
              (select count(*) from batch_claim), (select count(*) from transaction_claim),
              (select count(*) from admission_batch),
              (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from webhook_endpoint t),
              (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from sandbox_rail_mode t),
              (select md5(coalesce(string_agg(idempotency_key || '=' || state, ',' order by idempotency_key), ''))
                 from rail_payout))""";

    private final JdbcTemplate jdbc;

    public DbFingerprint(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String now() {
        return jdbc.queryForObject(SQL, String.class);
    }

    /**
     * What a submission of the issuer writes, in one string: its batch and item claims, its admissions, and the
     * store's {@code BatchSubmitted} and {@code ItemSubmitted} events (of every issuer: the store has no issuer
     * column). Equal before and after a refused submission: nothing of it was stored. Unlike {@link #now()} it
     * ignores what earlier batches' background work still changes.
     */
    public String submissionsOf(String issuerAccountNumber) {
        return jdbc.queryForObject("""
                select concat_ws(' | ',
                  (select count(*) from batch_claim where issuer_account_number = ?),
                  (select count(*) from transaction_claim where issuer_account_number = ?),
                  (select count(*) from admission_batch where issuer_account_number = ?),
                  (select count(*) from domain_event_entry where payload_type like '%.BatchSubmitted'
                     or payload_type like '%.ItemSubmitted'))""", String.class,
                issuerAccountNumber, issuerAccountNumber, issuerAccountNumber);
    }

    /**
     * The events appended since {@code before} was taken, one line each (index, aggregate, sequence, payload
     * type): what to look at when two fingerprints differ.
     */
    public String eventsSince(String before) {
        long highest = Long.parseLong(before.substring(before.indexOf('@') + 1, before.indexOf(' ')));
        return String.join("\n", jdbc.queryForList("""
                select global_index || ' ' || type || ' ' || aggregate_identifier || '#' || sequence_number || ' '
                    || payload_type from domain_event_entry where global_index > ? order by global_index""",
                String.class, highest));
    }

    /**
     * Until the background work of earlier requests has ended: no rail payout left to send, to hear from or
     * to ask again about (a call left unanswered is made again with its key),
     * no sandbox callback still to come (a .96 payout is returned after it was paid), every claimed item in
     * the status read model and final there, every transaction's last event an outcome (a cash-out is in no
     * batch), every batch's last event its BatchCompleted (recorded after its items' outcomes, by another
     * processor), and the fingerprint unchanged across two reads. A pending payout's saga that only waits
     * for its timeout to find the payout settled changes nothing more. Returns it.
     * <p>
     * The fingerprint is read after the work was seen ended, never before: read first, it could miss the last
     * events of work that ended between the two reads (a batch's BatchProgressed and BatchCompleted, once).
     */
    public String awaitQuiet() {
        AtomicReference<String> last = new AtomicReference<>(now());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(150))
                .until(() -> nothingInFlight() && last.getAndSet(now()).equals(last.get()));
        return last.get();
    }

    private boolean nothingInFlight() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select not exists (select 1 from rail_payout where state in ('Due', 'Pending', 'Unresolved'))
                   and not exists (select 1 from sandbox_payout where callback_due_at is not null)
                   and not exists (select 1 from batch_item_view where status = 'Processing')
                   and (select count(*) from batch_item_view) = (select count(*) from transaction_claim)
                   and not exists (select 1 from (
                       select distinct on (aggregate_identifier) payload_type from domain_event_entry
                       where type = 'Transaction' order by aggregate_identifier, sequence_number desc) last
                       where last.payload_type not in ('io.masspay.kernel.transaction.ItemSucceeded',
                           'io.masspay.kernel.transaction.ItemFailed', 'io.masspay.kernel.transaction.RetainedInWallet'))
                   and not exists (select 1 from batch_claim c where (
                       select e.payload_type from domain_event_entry e where e.aggregate_identifier = c.batch_id
                       order by e.sequence_number desc limit 1) is distinct from 'io.masspay.kernel.batch.BatchCompleted')""",
                Boolean.class));
    }
}
