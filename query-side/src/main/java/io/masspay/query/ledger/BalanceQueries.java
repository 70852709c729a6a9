package io.masspay.query.ledger;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Balances now (the ledger's account balances) and as of an instant (the sum of the postings up to it, ADR
 * 0018). Each read is one statement: a wallet's balance then is its credits minus its debits up to the instant,
 * two index-only range scans of {@code ledger_posting}; the ledger then is one range scan by time. A posting
 * moves an amount between two accounts at one instant, so the accounts of a currency sum to zero at every
 * instant, as they do now.
 */
@Repository
class BalanceQueries {

    /** Sums per currency and kind of account, in minor units. */
    record Sums(Map<CurrencyCode, Map<AccountType, BigInteger>> byCurrency) {
    }

    record WalletBalance(String walletId, String ownerId, CurrencyCode currency, long balanceMinor) {

        String balance() {
            return new Money(balanceMinor, currency).toDecimalString();
        }
    }

    private static final String WALLET_AS_OF = """
            select a.account_id, a.owner_id, a.currency,
                coalesce((select sum(p.amount_minor) from ledger_posting p
                          where p.to_id = a.account_id and p.occurred_at <= ?), 0)
                - coalesce((select sum(p.amount_minor) from ledger_posting p
                          where p.from_id = a.account_id and p.occurred_at <= ?), 0) as balance_minor
            from ledger_account a
            where a.account_id = ? and a.issuer_account_number = ? and a.account_type in ('IssuerWallet', 'RecipientWallet')""";

    /** Postings up to the instant, both sides; wallets that existed then count in their currency even at zero. */
    private static final String LEDGER_AS_OF = """
            select currency, account_type, sum(delta) from (
                select currency, to_type as account_type, amount_minor as delta from ledger_posting where occurred_at <= ?
                union all
                select currency, from_type, -amount_minor from ledger_posting where occurred_at <= ?
                union all
                select currency, account_type, 0 from ledger_account where created_at <= ?) movements
            group by 1, 2""";

    private final JdbcTemplate jdbc;

    BalanceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WalletBalance> walletAsOf(IssuerAccountNumber issuer, String walletId, Instant at) {
        Timestamp then = Timestamp.from(at);
        return jdbc.query(WALLET_AS_OF, (rs, n) -> new WalletBalance(rs.getString("account_id"),
                        rs.getString("owner_id"), CurrencyCode.valueOf(rs.getString("currency")),
                        rs.getLong("balance_minor")), then, then, walletId, issuer.value())
                .stream().findFirst();
    }

    Sums ledgerNow() {
        return sums("select currency, account_type, sum(balance_minor) from ledger_account group by 1, 2");
    }

    Sums ledgerAsOf(Instant at) {
        Timestamp then = Timestamp.from(at);
        return sums(LEDGER_AS_OF, then, then, then);
    }

    // sums of many accounts can pass what a long holds; BigDecimal keeps them exact
    private Sums sums(String sql, Object... args) {
        Map<CurrencyCode, Map<AccountType, BigInteger>> sums = new TreeMap<>();
        jdbc.query(sql, rs -> {
            sums.computeIfAbsent(CurrencyCode.valueOf(rs.getString(1)), c -> new EnumMap<>(AccountType.class))
                    .put(AccountType.valueOf(rs.getString(2)), rs.getBigDecimal(3).toBigIntegerExact());
        }, args);
        return new Sums(sums);
    }
}
