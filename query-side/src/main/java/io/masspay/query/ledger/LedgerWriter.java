package io.masspay.query.ledger;

import io.masspay.kernel.processing.UnitOfWorkBuffer;
import io.masspay.kernel.wallet.WalletCreated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a processor batch in at most three statements, just before the batch commits: one batched upsert of
 * the wallets it opened, one batched insert of the postings, one batched update of the balances they touch,
 * each balance once, in a fixed order (two segments updating the same hot accounts, InTransit or External,
 * never deadlock). No statement per event: a replay (ADR 0019) costs a few round trips per batch.
 * Postings already present (a redelivered event) are skipped, and so are their balance changes; all
 * lines of one event are written by one flush, so a known line 0 (every posting event has one) means the whole
 * event is known.
 */
@Component
class LedgerWriter {

    private static final String OPEN_WALLET = """
            insert into ledger_account (account_type, account_id, currency, balance_minor, issuer_account_number,
                owner_id, created_at)
            values (?, ?, ?, 0, ?, ?, ?)
            on conflict (account_type, account_id, currency) do update set
                issuer_account_number = excluded.issuer_account_number, owner_id = excluded.owner_id,
                created_at = excluded.created_at""";

    /**
     * Line 0 alone: one primary-key probe per event. Matching every line instead, a chunk's event matched each of
     * its thousand lines, and the planner chose to scan the whole table (190 ms a processor batch under load).
     */
    static final String KNOWN_EVENTS =
            "select event_id from ledger_posting where line = 0 and event_id = any(?::varchar[])";

    /** What a processor batch has to write, sent just before it commits. */
    private record Pending(List<Posting> postings, List<Object[]> wallets) {
    }

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBuffer<Pending> pending = new UnitOfWorkBuffer<>(LedgerWriter.class.getName() + ".pending",
            () -> new Pending(new ArrayList<>(), new ArrayList<>()), this::flush);

    LedgerWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queued like the postings: a replay of many wallets costs one batch statement per processor batch. */
    void openWallet(WalletCreated event, Instant at) {
        pending.current().wallets().add(new Object[]{event.ownerType().name() + "Wallet", event.walletId().value(),
                event.currency().name(), event.issuer().value(), event.ownerId(), Timestamp.from(at)});
    }

    void post(Posting posting) {
        pending.current().postings().add(posting);
    }

    void clear() {
        jdbc.update("truncate ledger_posting, ledger_account");
    }

    private void flush(Pending pending) {
        if (!pending.wallets().isEmpty()) {
            // only the wallet's own columns: the balance is the postings' (either may come first)
            jdbc.batchUpdate(OPEN_WALLET, pending.wallets());
        }
        List<Posting> postings = pending.postings();
        if (postings.isEmpty()) {
            return;
        }
        String[] ids = postings.stream().map(Posting::eventId).distinct().toArray(String[]::new);
        Set<String> known = new HashSet<>(jdbc.queryForList(KNOWN_EVENTS, String.class, (Object) ids));
        List<Posting> fresh = postings.stream().filter(p -> !known.contains(p.eventId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        insert into ledger_posting (event_id, line, occurred_at, transaction_id, attempt_no, currency,
                            amount_minor, from_type, from_id, to_type, to_id, kind)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                fresh.stream().map(p -> new Object[]{p.eventId(), p.line(), Timestamp.from(p.at()), p.transactionId(),
                        p.attemptNo(), p.amount().currency().name(), p.amount().minorUnits(), p.from().type().name(),
                        p.from().id(), p.to().type().name(), p.to().id(), p.kind()}).toList());
        Map<String, Object[]> deltas = new TreeMap<>();
        for (Posting p : fresh) {
            add(deltas, p.from(), p.amount().currency().name(), -p.amount().minorUnits());
            add(deltas, p.to(), p.amount().currency().name(), p.amount().minorUnits());
        }
        jdbc.batchUpdate("""
                insert into ledger_account (account_type, account_id, currency, balance_minor) values (?, ?, ?, ?)
                on conflict (account_type, account_id, currency)
                do update set balance_minor = ledger_account.balance_minor + excluded.balance_minor""",
                List.copyOf(deltas.values()));
    }

    /** Summed exactly: many large postings to one account (External) in one batch can pass what a long holds. */
    private static void add(Map<String, Object[]> deltas, Posting.Account account, String currency, long delta) {
        deltas.compute(account.type() + "|" + account.id() + "|" + currency, (k, row) -> row == null
                ? new Object[]{account.type().name(), account.id(), currency, BigDecimal.valueOf(delta)}
                : new Object[]{row[0], row[1], row[2], ((BigDecimal) row[3]).add(BigDecimal.valueOf(delta))});
    }
}
