package io.masspay.infra.process;

import io.masspay.infra.process.Payroll.Submitted;
import io.masspay.infra.process.Payroll.Wanted;
import io.masspay.infra.support.AppNode;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What must hold once every batch has settled, whatever crashed on the way: every item final with the
 * outcome its amount asks for, each transaction paid by a rail at most once (and exactly once when it
 * succeeded on a rail), every ledger sum at zero, per issuer funding = its wallets + what the rails paid,
 * to the cent, and no wallet below zero. Statuses and balances come through the API; what the sandbox
 * rails received and the ledger's postings are read from the database, as an auditor would.
 */
final class Settlement {

    private static final Set<String> FINAL = Set.of("Success", "Failed", "RetainedInWallet");

    /** What a check saw, for the report. */
    record Figures(int items, int railKeys, long railCalls, int keysCalledAgain, int paid, int retained) {
    }

    private final AppNode node;
    private final MassPayApi api;
    private final TestPostgres.Database database;

    /** Reads through {@code node}, which must be running while the checks run. */
    Settlement(AppNode node, TestPostgres.Database database) {
        this.node = node;
        this.api = node.api();
        this.database = database;
    }

    void awaitFinal(Collection<Submitted> batches, Duration atMost) {
        for (Submitted batch : batches) {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
                var result = api.status(batch.funded().issuer(), batch.batchId(), "PageSize=1").returnResult(Map.class);
                return result.getStatus().value() == 200
                        && MassPayApi.isFinal(result.getResponseBody().blockFirst());
            });
        }
        // the read models the checks below use have seen every event
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> projectionsCaughtUp());
    }

    @SuppressWarnings("unchecked")
    private boolean projectionsCaughtUp() {
        List<Map<String, Object>> projections = node.http().get().uri("/API/v4/Admin/Projections")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        return projections.stream().allMatch(p -> ((Number) p.get("Lag")).longValue() == 0);
    }

    /** Every check at once, over every batch submitted to this database so far. */
    Figures verify(Collection<Submitted> batches) {
        Map<String, Wanted> wanted = new HashMap<>();
        Map<String, String> statuses = new HashMap<>();
        for (Submitted batch : batches) {
            wanted.putAll(batch.items());
            statuses.putAll(itemStatuses(batch));
        }
        assertThat(statuses.keySet()).as("items shown by the status API").containsExactlyInAnyOrderElementsOf(wanted.keySet());
        int retained = 0;
        for (Map.Entry<String, Wanted> item : wanted.entrySet()) {
            String status = statuses.get(item.getKey());
            assertThat(status).as("status of %s %s", item.getKey(), item.getValue()).isIn(FINAL)
                    .isEqualTo(item.getValue().expectedStatus());
            retained += "RetainedInWallet".equals(status) ? 1 : 0;
        }
        Map<String, List<Payout>> payouts = sandboxPayouts();
        int paid = 0;
        for (Map.Entry<String, Wanted> item : wanted.entrySet()) {
            List<Payout> rows = payouts.getOrDefault(item.getKey(), List.of());
            List<Payout> paidRows = rows.stream().filter(p -> p.outcome().equals("Paid")).toList();
            if (item.getValue().isWallet()) {
                assertThat(rows).as("rail calls for wallet item %s", item.getKey()).isEmpty();
            } else if (statuses.get(item.getKey()).equals("Success")) {
                assertThat(paidRows).as("rail payouts of %s", item.getKey()).hasSize(1);
                assertThat(paidRows.get(0).cents()).isEqualTo(item.getValue().cents());
                paid++;
            } else {
                assertThat(paidRows).as("rail payouts of retained %s", item.getKey()).isEmpty();
            }
        }
        assertThat(payouts.keySet()).as("rail calls only for submitted items").isSubsetOf(wanted.keySet());
        List<Payout> all = payouts.values().stream().flatMap(List::stream).toList();
        moneyIsConserved(batches, payouts);
        return new Figures(wanted.size(), all.size(), all.stream().mapToLong(Payout::calls).sum(),
                (int) all.stream().filter(p -> p.calls() > 1).count(), paid, retained);
    }

    @SuppressWarnings("unchecked")
    private void moneyIsConserved(Collection<Submitted> batches, Map<String, List<Payout>> payouts) {
        List<Map<String, Object>> currencies = (List<Map<String, Object>>) api.adminGet("/API/v4/Admin/Ledger/Balances")
                .get("Currencies");
        assertThat(currencies).isNotEmpty();
        for (Map<String, Object> currency : currencies) {
            assertThat(currency.get("Total")).as("ledger total %s", currency).isEqualTo("0.00");
            assertThat(currency.get("InTransit")).as("in transit %s", currency).isEqualTo("0.00");
            // the diagnosis is made only when the description is needed, i.e. when the check fails
            assertThat(currency.get("RailClearing")).as(() -> "rail clearing " + currency + "; " + clearingDiagnosis())
                    .isEqualTo("0.00");
        }
        Map<String, Payroll.Funded> issuers = new HashMap<>();
        Map<String, Set<String>> transactions = new HashMap<>();
        for (Submitted batch : batches) {
            String account = batch.funded().issuer().account();
            issuers.put(account, batch.funded());
            transactions.computeIfAbsent(account, a -> new LinkedHashSet<>()).addAll(batch.items().keySet());
        }
        for (Map.Entry<String, Payroll.Funded> issuer : issuers.entrySet()) {
            long wallets = queryLong("""
                    select coalesce(sum(balance_minor), 0) from ledger_account
                    where issuer_account_number = ? and account_type in ('IssuerWallet', 'RecipientWallet')""",
                    issuer.getKey());
            long paidOut = transactions.get(issuer.getKey()).stream()
                    .flatMap(tx -> payouts.getOrDefault(tx, List.of()).stream())
                    .filter(p -> p.outcome().equals("Paid")).mapToLong(Payout::cents).sum();
            assertThat(wallets + paidOut).as("issuer %s: its wallets %d + paid out %d = funded", issuer.getKey(),
                    wallets, paidOut).isEqualTo(issuer.getValue().fundedCents());
        }
        assertThat(queryLong("""
                select count(*) from ledger_account
                where account_type in ('IssuerWallet', 'RecipientWallet') and balance_minor < 0"""))
                .as("wallets below zero").isZero();
        assertThat(queryLong("""
                select count(*) from (select transaction_id, attempt_no from ledger_posting
                    where from_type = 'IssuerWallet' group by 1, 2 having count(*) > 1) twice"""))
                .as("item attempts debited from the issuer more than once").isZero();
    }

    /**
     * For a rail clearing that is not zero: the attempts whose clearing postings do not net to zero in the ledger
     * read model, each with the clearing events the store holds for it, so that a failure says whether the store
     * or the read model is wrong.
     */
    private String clearingDiagnosis() {
        String sql = """
                with clearing as (
                    select transaction_id, attempt_no, sum(case when to_type = 'RailClearing' then amount_minor
                        else -amount_minor end) as net, string_agg(kind, ',' order by occurred_at) as postings
                    from ledger_posting where 'RailClearing' in (from_type, to_type) group by 1, 2)
                select c.transaction_id, c.attempt_no, c.net, c.postings,
                    (select string_agg(substring(e.payload_type from '[^.]+$'), ',' order by e.global_index)
                     from domain_event_entry e where e.aggregate_identifier = c.transaction_id
                        or (e.payload_type like '%.wallet.%'
                            and convert_from(e.payload, 'UTF8')::jsonb ->> 'transactionId' = c.transaction_id))
                        as events
                from clearing c where c.net <> 0 order by 1, 2""";
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add("%s:%d net %d, postings [%s], stored [%s]".formatted(rs.getString(1), rs.getInt(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            return "no diagnosis: " + e;
        }
        String diagnosis = rows.size() + " attempts with clearing not at zero in the ledger: "
                + String.join("; ", rows);
        try {
            return diagnosis + "; reads answered as the views stood after the longest wait: " + readsWaitedOut()
                    + "; projections: " + operatorRead("/API/v4/Admin/Projections");
        } catch (RuntimeException | AssertionError e) {
            return diagnosis + "; the node's metrics could not be read: " + e;
        }
    }

    private String readsWaitedOut() {
        String metrics = operatorRead("/actuator/prometheus");
        return metrics == null ? "unknown" : metrics.lines().filter(l -> l.startsWith("masspay_reads_waited_out"))
                .findFirst().orElse("no such metric");
    }

    /** A GET with the operator token, its body as text whatever its status. */
    private String operatorRead(String uri) {
        return node.http().get().uri(uri).headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> itemStatuses(Submitted batch) {
        Map<String, String> statuses = new HashMap<>();
        for (int page = 1; ; page++) {
            Map<String, Object> body = api.issuerGet(batch.funded().issuer(),
                    "/API/v4/Fund/BatchTransfer/" + batch.batchId() + "?PageSize=1000&Page=" + page, Map.class);
            List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("Items");
            items.forEach(i -> statuses.put((String) i.get("TransactionId"), (String) i.get("Status")));
            if (items.size() < 1000) {
                return statuses;
            }
        }
    }

    private record Payout(String key, String outcome, long cents, int calls) {
    }

    private Map<String, List<Payout>> sandboxPayouts() {
        Map<String, List<Payout>> byTransaction = new HashMap<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "select transaction_id, idempotency_key, outcome, amount_minor, calls from sandbox_payout")) {
            while (rs.next()) {
                byTransaction.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Payout(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return byTransaction;
    }

    /** Items the status read model shows final, over all batches of the database. */
    long finalItems() {
        return queryLong("select count(*) from batch_item_view where status in ('Success', 'Failed', 'RetainedInWallet')");
    }

    long queryLong(String sql, Object... args) {
        try (Connection c = connect(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
