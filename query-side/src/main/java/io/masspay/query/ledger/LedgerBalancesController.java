package io.masspay.query.ledger;

import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.processing.Blocking;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /API/v4/Admin/Ledger/Balances} (API.md section 9): the ledger per currency by kind of
 * account; with {@code AsOf}, as it stood at that instant (section 11). {@code InTransit} (items debited
 * from the issuer, not yet credited to the recipient) is an addition of ours; {@code Total} is always zero.
 */
@RestController
class LedgerBalancesController {

    private final BalanceQueries balances;

    LedgerBalancesController(BalanceQueries balances) {
        this.balances = balances;
    }

    record Balances(List<CurrencyBalances> currencies) {
    }

    record CurrencyBalances(String currency, String issuerWallets, String recipientWallets, String railClearing,
                            String inTransit, String external, String total) {
    }

    @GetMapping("/API/v4/Admin/Ledger/Balances")
    Mono<Balances> balances(@RequestParam(name = "AsOf", required = false) String asOf) {
        Instant at = asOf == null ? null : AsOf.parse(asOf, Clock.systemUTC());
        return Blocking.call(() -> at == null ? balances.ledgerNow() : balances.ledgerAsOf(at))
                .map(sums -> new Balances(sums.byCurrency().entrySet().stream()
                        .map(e -> row(e.getKey(), e.getValue())).toList()));
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
