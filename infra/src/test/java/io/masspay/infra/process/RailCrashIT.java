package io.masspay.infra.process;

import io.masspay.infra.process.Payroll.Funded;
import io.masspay.infra.support.AppNode;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.RailProviderStub;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, at most once through crashes: the application is killed with SIGKILL while hundreds of calls to a
 * slow provider are in flight, whose answers are lost with it (the provider pays on receipt). Restarted on the
 * same database, it asks again with the same keys once their leases end: every item ends paid, no transaction
 * is paid under two keys, no item is left Processing, and the ledger is exact to the cent. CI runs 1,500
 * items with 2 s answers; the full setting is {@code -Dmasspay.rail-crash.items=5000
 * -Dmasspay.rail-crash.in-flight=600} (README, "Rails").
 */
class RailCrashIT {

    private static final List<String> RAILS = List.of("XTR94500", "XTR94503", "XTR94508");
    private static final int ITEMS = Integer.getInteger("masspay.rail-crash.items", 1500);
    private static final int IN_FLIGHT_AT_KILL = Integer.getInteger("masspay.rail-crash.in-flight", 500);
    private static final Duration LATENCY = Duration.ofMillis(Long.getLong("masspay.rail-crash.latency-ms", 2000));

    @Test
    void a_kill_9_with_hundreds_of_rail_calls_in_flight_loses_nothing_and_pays_nothing_twice() {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        List<String> settings = new ArrayList<>();
        try (RailProviderStub provider = new RailProviderStub(LATENCY)) {
            for (String rail : RAILS) {
                settings.add("masspay.rails.http." + rail + ".base-url=" + provider.baseUrl());
                settings.add("masspay.rails.http." + rail + ".timeout=PT5S");
                settings.add("masspay.rails." + rail + ".max-in-flight=250");
            }
            try (AppNode node = AppNode.on(database, "rail-crash", settings.toArray(String[]::new))) {
                node.start();
                Funded issuer = Payroll.issuer(node.api(), "1000000.00");
                List<Map<String, Object>> items = new ArrayList<>();
                long totalCents = 0;
                for (int i = 0; i < ITEMS; i++) {
                    long cents = (1 + i % 20) * 100L + i % 90; // never .91 to .96: the provider pays them all
                    totalCents += cents;
                    items.add(MassPayApi.item("C-" + i, "R" + (i % Payroll.RECIPIENTS_PER_ISSUER), RAILS.get(i % 3),
                            "%d.%02d".formatted(cents / 100, cents % 100), Map.of()));
                }
                Payroll.Submitted batch = Payroll.submit(node.api(), issuer, "RAIL-CRASH", items);

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                        .until(() -> provider.inFlight() >= IN_FLIGHT_AT_KILL);
                int inFlightAtKill = provider.inFlight();
                int sentAtKill = provider.keysSent().size();
                node.kill();
                long killedAt = System.nanoTime();
                node.start();

                MassPayApi api = node.api();
                // the keys in flight at the kill are asked again once their leases end (twice the call timeout + 10 s)
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() ->
                        !"Processing".equals(api.status(issuer.issuer(), batch.batchId(), "PageSize=1")
                                .returnResult(Map.class).getResponseBody().blockFirst().get("Status")));
                Map<String, Object> status = api.awaitFinal(issuer.issuer(), batch.batchId());
                long finalMs = (System.nanoTime() - killedAt) / 1_000_000;
                assertThat(status).containsEntry("Status", "Completed").containsEntry("Counts",
                        Map.of("Processing", 0, "Success", ITEMS, "Failed", 0, "RetainedInWallet", 0));
                assertThat(provider.transactionsPaidTwice()).as("transactions paid under two keys").isZero();
                assertThat(provider.keysSent()).as("one key per item, the first attempt's").hasSize(ITEMS)
                        .allSatisfy(key -> assertThat(key).endsWith(":1"));
                long sentAgain = provider.keysSent().stream().filter(k -> provider.postsOf(k) > 1).count();
                Map<String, Object> ledger = api.settledLedger("USD");
                assertThat(ledger).containsEntry("Total", "0.00").containsEntry("RailClearing", "0.00");
                assertThat(Payroll.cents(api.issuerGet(issuer.issuer(), "/API/v4/Wallets/" + issuer.issuer().walletId(),
                        Map.class).get("Balance"))).as("issuer debited once per item")
                        .isEqualTo(issuer.fundedCents() - totalCents);
                System.out.printf("RailCrashIT: %d items, provider answering after %d ms; killed with %d calls in flight "
                                + "(%d keys sent); all final %d ms after the kill; %d keys sent again with the same key, "
                                + "0 transactions paid twice; provider peak in flight %d%n", ITEMS, LATENCY.toMillis(),
                        inFlightAtKill, sentAtKill, finalMs, sentAgain, provider.peakInFlight());
            }
        }
    }
}
