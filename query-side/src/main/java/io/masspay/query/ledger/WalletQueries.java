package io.masspay.query.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.text.WireFormats;
import io.masspay.query.support.Snapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The wallet reads of API.md section 6, from the ledger read model (ADR 0003: controllers hold no SQL). Every
 * query is scoped by the caller's issuer: another issuer's wallet or recipient reads as absent.
 */
@Component
class WalletQueries {

    private final JdbcTemplate jdbc;
    private final Snapshot snapshot;

    WalletQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
    }

    record WalletView(String walletId, String ownerId, String currency, String balance) {
    }

    record RecipientWallet(String walletId, String currency, String balance, @JsonProperty("Default") boolean isDefault) {
    }

    record Entries(String walletId, int page, int pageSize, long totalItems, List<Entry> items) {
    }

    record Entry(String entryId, String kind, String transactionId, int attemptNo, String amount, String currency,
                 String direction, String counterparty, String at) {
    }

    /** An issuer wallet or a recipient wallet of the issuer. */
    Optional<WalletView> wallet(IssuerAccountNumber issuer, String walletId) {
        return jdbc.query("""
                        select * from ledger_account where account_id = ? and issuer_account_number = ?
                          and account_type in ('IssuerWallet', 'RecipientWallet')""",
                (rs, i) -> view(rs), walletId, issuer.value()).stream().findFirst();
    }

    List<WalletView> issuerWallets(IssuerAccountNumber issuer) {
        return jdbc.query("""
                        select * from ledger_account where account_type = 'IssuerWallet' and issuer_account_number = ?
                        order by currency, created_at, account_id""", (rs, i) -> view(rs), issuer.value());
    }

    /**
     * Empty when the recipient is not the issuer's. The recipient's first wallet in a currency is its default
     * there, as on the command side; the recipient table is reference data (ADR 0002), written before any wallet
     * of the recipient exists.
     */
    Optional<List<RecipientWallet>> recipientWallets(IssuerAccountNumber issuer, String recipientId) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from recipient where issuer_account_number = ? and recipient_id = ?)""",
                Boolean.class, issuer.value(), recipientId))) {
            return Optional.empty();
        }
        return Optional.of(jdbc.query("""
                        select a.*, row_number() over (partition by currency order by created_at, account_id) = 1 as first
                        from ledger_account a
                        where account_type = 'RecipientWallet' and issuer_account_number = ? and owner_id = ?
                        order by currency, created_at""",
                (rs, i) -> new RecipientWallet(rs.getString("account_id"), rs.getString("currency"), money(rs),
                        rs.getBoolean("first")), issuer.value(), recipientId));
    }

    /**
     * One page of the wallet's postings, oldest first; empty when the wallet is not the issuer's. The total and
     * the page come from one snapshot, so a posting committed meanwhile never makes them disagree.
     */
    Optional<Entries> entries(IssuerAccountNumber issuer, String walletId, int page, int pageSize) {
        return snapshot.read(() -> entriesIn(issuer, walletId, page, pageSize));
    }

    private Optional<Entries> entriesIn(IssuerAccountNumber issuer, String walletId, int page, int pageSize) {
        return wallet(issuer, walletId).map(wallet -> {
            long total = jdbc.queryForObject(
                    "select count(*) from ledger_posting where from_id = ? or to_id = ?", Long.class, walletId, walletId);
            List<Entry> items = jdbc.query("""
                            select * from ledger_posting where from_id = ? or to_id = ?
                            order by occurred_at, event_id, line limit ? offset ?""",
                    (rs, i) -> entry(rs, walletId), walletId, walletId, pageSize, (long) (page - 1) * pageSize);
            return new Entries(wallet.walletId(), page, pageSize, total, items);
        });
    }

    private static WalletView view(ResultSet rs) throws SQLException {
        return new WalletView(rs.getString("account_id"), rs.getString("owner_id"), rs.getString("currency"),
                money(rs));
    }

    private static Entry entry(ResultSet rs, String walletId) throws SQLException {
        boolean incoming = walletId.equals(rs.getString("to_id"));
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        return new Entry(rs.getString("event_id") + ":" + rs.getInt("line"), rs.getString("kind"),
                rs.getString("transaction_id"), rs.getInt("attempt_no"),
                new Money(rs.getLong("amount_minor"), currency).toDecimalString(), currency.name(),
                incoming ? "Credit" : "Debit",
                incoming ? rs.getString("from_type") + ":" + rs.getString("from_id")
                        : rs.getString("to_type") + ":" + rs.getString("to_id"),
                WireFormats.timestamp(rs.getTimestamp("occurred_at").toInstant()));
    }

    private static String money(ResultSet rs) throws SQLException {
        return new Money(rs.getLong("balance_minor"), CurrencyCode.valueOf(rs.getString("currency"))).toDecimalString();
    }
}
