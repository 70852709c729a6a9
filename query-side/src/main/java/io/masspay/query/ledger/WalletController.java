package io.masspay.query.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.security.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Wallet reads of API.md section 6, from the ledger read model. An issuer sees its own wallets and
 * its recipients' wallets; anything else is NOT_FOUND.
 */
@RestController
class WalletController {

    private final JdbcTemplate jdbc;
    private final BalanceQueries balances;

    WalletController(JdbcTemplate jdbc, BalanceQueries balances) {
        this.jdbc = jdbc;
        this.balances = balances;
    }

    record WalletView(String walletId, String ownerId, String currency, String balance) {
    }

    record IssuerWallets(List<WalletView> items) {
    }

    record RecipientWallet(String walletId, String currency, String balance, @JsonProperty("Default") boolean isDefault) {
    }

    record Entries(String walletId, int page, int pageSize, long totalItems, List<Entry> items) {
    }

    record Entry(String entryId, String kind, String transactionId, int attemptNo, String amount, String currency,
                 String direction, String counterparty, String at) {
    }

    /** With {@code AsOf}, the balance at that instant from the ledger postings (API.md section 11, ADR 0018). */
    @GetMapping("/API/v4/Wallets/{walletId}")
    Mono<WalletView> wallet(Caller caller, @PathVariable String walletId,
                            @RequestParam(name = "AsOf", required = false) String asOf) {
        if (asOf != null) {
            Instant at = AsOf.parse(asOf, Clock.systemUTC());
            return Mono.fromCallable(() -> balances.walletAsOf(caller.issuer(), walletId, at)
                            .map(w -> new WalletView(w.walletId(), w.ownerId(), w.currency().name(), w.balance()))
                            .orElseThrow(() -> notFound(walletId)))
                    .subscribeOn(Schedulers.boundedElastic());
        }
        return Mono.fromCallable(() -> find(caller, walletId)).subscribeOn(Schedulers.boundedElastic());
    }

    private WalletView find(Caller caller, String walletId) {
        return jdbc.query("""
                                select * from ledger_account where account_id = ? and issuer_account_number = ?
                                  and account_type in ('IssuerWallet', 'RecipientWallet')""",
                        (rs, i) -> new WalletView(rs.getString("account_id"), rs.getString("owner_id"),
                                rs.getString("currency"), money(rs)), walletId, caller.issuer().value())
                .stream().findFirst().orElseThrow(() -> notFound(walletId));
    }

    /**
     * The caller's own (issuer) wallets. Not in the contract, which reads wallets only by id: an issuer
     * (and the dashboard) needs to find its source wallets and their balances without knowing the ids.
     */
    @GetMapping("/API/v4/Wallets")
    Mono<IssuerWallets> issuerWallets(Caller caller) {
        return Mono.fromCallable(() -> new IssuerWallets(jdbc.query("""
                        select * from ledger_account where account_type = 'IssuerWallet' and issuer_account_number = ?
                        order by currency, created_at, account_id""",
                (rs, i) -> new WalletView(rs.getString("account_id"), rs.getString("owner_id"),
                        rs.getString("currency"), money(rs)), caller.issuer().value())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The recipient's first wallet in a currency is its default there, as on the command side. A recipient
     * that is not the caller's is NOT_FOUND (API.md section 1), answered exactly like one that does not exist;
     * the recipient table is reference data (ADR 0002), written before any wallet of the recipient exists.
     */
    @GetMapping("/API/v4/Recipients/{recipientId}/Wallets")
    Mono<List<RecipientWallet>> recipientWallets(Caller caller, @PathVariable String recipientId) {
        return Mono.fromCallable(() -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("""
                    select exists (select 1 from recipient where issuer_account_number = ? and recipient_id = ?)""",
                    Boolean.class, caller.issuer().value(), recipientId))) {
                throw new MassPayException(ErrorCode.NOT_FOUND, "Recipient not found");
            }
            return jdbc.query("""
                        select a.*, row_number() over (partition by currency order by created_at, account_id) = 1 as first
                        from ledger_account a
                        where account_type = 'RecipientWallet' and issuer_account_number = ? and owner_id = ?
                        order by currency, created_at""",
                    (rs, i) -> new RecipientWallet(rs.getString("account_id"), rs.getString("currency"), money(rs),
                            rs.getBoolean("first")), caller.issuer().value(), recipientId);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/API/v4/Wallets/{walletId}/Entries")
    Mono<Entries> entries(Caller caller, @PathVariable String walletId,
                          @RequestParam(name = "Page", defaultValue = "1") String page,
                          @RequestParam(name = "PageSize", defaultValue = "100") String pageSize) {
        int p = positive("Page", page, Integer.MAX_VALUE);
        int size = positive("PageSize", pageSize, 1000);
        return Mono.fromCallable(() -> {
            WalletView wallet = find(caller, walletId);
            long total = jdbc.queryForObject(
                    "select count(*) from ledger_posting where from_id = ? or to_id = ?", Long.class, walletId, walletId);
            List<Entry> items = jdbc.query("""
                            select * from ledger_posting where from_id = ? or to_id = ?
                            order by occurred_at, event_id, line limit ? offset ?""",
                    (rs, i) -> entry(rs, walletId), walletId, walletId, size, (long) (p - 1) * size);
            return new Entries(wallet.walletId(), p, size, total, items);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static Entry entry(ResultSet rs, String walletId) throws SQLException {
        boolean incoming = walletId.equals(rs.getString("to_id"));
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        return new Entry(rs.getString("event_id") + ":" + rs.getInt("line"), rs.getString("kind"), rs.getString("transaction_id"),
                rs.getInt("attempt_no"), new Money(rs.getLong("amount_minor"), currency).toDecimalString(),
                currency.name(), incoming ? "Credit" : "Debit",
                incoming ? rs.getString("from_type") + ":" + rs.getString("from_id")
                        : rs.getString("to_type") + ":" + rs.getString("to_id"),
                DateTimeFormatter.ISO_INSTANT.format(rs.getTimestamp("occurred_at").toInstant().truncatedTo(ChronoUnit.MILLIS)));
    }

    private static String money(ResultSet rs) throws SQLException {
        return new Money(rs.getLong("balance_minor"), CurrencyCode.valueOf(rs.getString("currency"))).toDecimalString();
    }

    private static int positive(String field, String text, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below like any other out-of-range value
        }
        throw new MassPayException(ErrorCode.VALIDATION_FAILED, "Invalid query parameter " + field,
                List.of(new FieldError(field, ErrorCode.INVALID_FIELD, field + " must be a whole number in 1.." + max)));
    }

    private static MassPayException notFound(String walletId) {
        return new MassPayException(ErrorCode.NOT_FOUND, "Wallet " + walletId + " not found");
    }

}
