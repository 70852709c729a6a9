package io.masspay.query.ledger;

import io.masspay.kernel.money.CurrencyCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /API/v4/Admin/Ledger/Balances} (API.md section 9): the ledger per currency by kind of
 * account. {@code InTransit} (items debited from the issuer, not yet credited to the recipient) is an
 * addition of ours; {@code Total} is always zero.
 */
@RestController
class LedgerBalancesController {

    private final JdbcTemplate jdbc;

    LedgerBalancesController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Balances(List<CurrencyBalances> currencies) {
    }

    record CurrencyBalances(String currency, String issuerWallets, String recipientWallets, String railClearing,
                            String inTransit, String external, String total) {
    }

    @GetMapping("/API/v4/Admin/Ledger/Balances")
    Mono<Balances> balances() {
        return Mono.fromCallable(() -> {
            // sums of many accounts can pass what a long holds; BigDecimal keeps them exact
            Map<CurrencyCode, Map<AccountType, BigInteger>> sums = new TreeMap<>();
            jdbc.query("select currency, account_type, sum(balance_minor) from ledger_account group by 1, 2", rs -> {
                sums.computeIfAbsent(CurrencyCode.valueOf(rs.getString(1)), c -> new EnumMap<>(AccountType.class))
                        .put(AccountType.valueOf(rs.getString(2)), rs.getBigDecimal(3).toBigIntegerExact());
            });
            return new Balances(sums.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static CurrencyBalances row(CurrencyCode currency, Map<AccountType, BigInteger> sums) {
        BigInteger total = sums.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        return new CurrencyBalances(currency.name(), amount(sums, AccountType.IssuerWallet, currency),
                amount(sums, AccountType.RecipientWallet, currency), amount(sums, AccountType.RailClearing, currency),
                amount(sums, AccountType.InTransit, currency), amount(sums, AccountType.External, currency),
                decimal(total, currency));
    }

    private static String amount(Map<AccountType, BigInteger> sums, AccountType type, CurrencyCode currency) {
        return decimal(sums.getOrDefault(type, BigInteger.ZERO), currency);
    }

    private static String decimal(BigInteger minorUnits, CurrencyCode currency) {
        return new BigDecimal(minorUnits, currency.minorUnits()).toPlainString();
    }
}
