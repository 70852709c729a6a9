package io.masspay.infra.ledger;

import io.masspay.infra.support.MassPayApi;
import org.awaitility.core.ConditionTimeoutException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads of the contract the property judges by: the operator's ledger, paged lists, amounts in cents. */
final class LedgerReads {

    private LedgerReads() {
    }

    /** Until two reads of the ledger {@code apart} are equal and {@code settled}; gives up quietly at {@code limit}. */
    static void awaitQuietLedger(MassPayApi api, Duration limit, Duration apart,
                                 Predicate<Map<String, Object>> settled) {
        AtomicReference<Map<String, Object>> previous = new AtomicReference<>();
        try {
            await().atMost(limit).pollInterval(apart).until(() -> {
                Map<String, Object> row = usdLedger(api);
                return row.equals(previous.getAndSet(row)) && settled.test(row);
            });
        } catch (ConditionTimeoutException stillMoving) {
            // judged by the invariants, which say what is off; failing here would only say "timeout"
        }
    }

    /** The USD row of the operator's ledger balances (zeros before any USD money exists). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> usdLedger(MassPayApi api) {
        return ((List<Map<String, Object>>) api.adminGet("/API/v4/Admin/Ledger/Balances").get("Currencies")).stream()
                .filter(c -> "USD".equals(c.get("Currency"))).findFirst()
                .orElse(Map.of("Currency", "USD", "IssuerWallets", "0.00", "RecipientWallets", "0.00",
                        "RailClearing", "0.00", "InTransit", "0.00", "External", "0.00", "Total", "0.00"));
    }

    /** Every row of a paged list of the contract ({@code Items}, {@code TotalItems}), 1,000 a page. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> pages(String path, Function<String, Map<String, Object>> get) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, Object> body = get.apply(path + "?PageSize=1000&Page=" + page);
            List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("Items");
            all.addAll(rows);
            if (rows.isEmpty() || all.size() >= ((Number) body.get("TotalItems")).longValue()) {
                return all;
            }
        }
    }

    /** A contract amount in cents; it must carry exactly the currency's two decimals. */
    static long cents(Object amount) {
        BigDecimal value = new BigDecimal((String) amount);
        assertThat(value.scale()).as("scale of %s", amount).isEqualTo(2);
        return value.movePointRight(2).longValueExact();
    }
}
