package io.masspay.infra.reads;

import com.sun.net.httpserver.HttpServer;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API.md section 10: no read is ever behind what the client was told. The moment the status shows a batch
 * final, every other read of the batch is fetched at once and must agree with it item by item; a webhook
 * receiver that reacts to {@code Batch.Completed} by downloading Report.csv and the audit stream finds every
 * row final; a batch is found by {@code CustomerBatchId} and a wallet shows its balance right after the 2xx
 * that made them, every time. Nothing here waits for a read model: each read is made once and must be right.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = {"masspay.webhooks.poll-interval=PT0.05S", "masspay.sandbox.pending-for=PT1S",
        "masspay.sandbox.returned-after=PT3S",
        // the outbox as quick as the read models: only the delivery's wait for them keeps webhooks behind the reads
        "axon.eventhandling.processors.webhook-outbox.source=readModelEvents"})
class ConsistentReadsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMES = 200;
    private static final int COPIES = 10;

    static HttpServer hooks;
    static final ExecutorService hookThreads = Executors.newCachedThreadPool();
    /** What the receiver found wrong, per batch, when it reacted to Batch.Completed. */
    static final Map<String, List<String>> hookFindings = new ConcurrentHashMap<>();
    static final Map<String, Issuer> issuersByAccount = new ConcurrentHashMap<>();
    static volatile WebTestClient hookClient;
    static volatile JdbcTemplate hookJdbc;
    /** Item webhooks whose event a read model's table did not show yet when the webhook arrived. */
    static final List<String> itemHookFindings = new CopyOnWriteArrayList<>();
    static final java.util.concurrent.atomic.AtomicInteger itemHooksChecked = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;

    /**
     * What an item webhook announces, checked in the tables of the history, daily totals and status read
     * models the moment it arrives: the attempt's row final with that outcome (or, for a paid item, already
     * returned since). Null when they all show it.
     */
    static String tablesBehind(Map<String, Object> item) {
        String tx = (String) item.get("TransactionId");
        int attempt = ((Number) item.get("AttemptNo")).intValue();
        String outcome = item.get("Status") + "/" + item.get("ErrorCode");
        boolean mayBeReturned = "Success".equals(item.get("Status"))
                && ((String) item.get("CustomerTransactionId")).startsWith("RETURNED-");
        List<String> history = hookJdbc.queryForList("""
                select status || '/' || coalesce(error_code, 'null') from item_history_attempt
                where transaction_id = ? and attempt_no = ? and finished_at is not null""", String.class, tx, attempt);
        List<String> totals = hookJdbc.queryForList("""
                select status || '/' || attempt_no from daily_totals_item where transaction_id = ?
                and outcome_date is not null""", String.class, tx);
        List<String> status = hookJdbc.queryForList("""
                select status || '/' || attempt_no from batch_item_view where transaction_id = ?""", String.class, tx);
        boolean historyShows = history.contains(outcome) || mayBeReturned && history.contains("RetainedInWallet/PAYOUT_RETURNED");
        boolean totalsShow = totals.stream().anyMatch(t -> t.equals(item.get("Status") + "/" + attempt)
                || mayBeReturned && t.equals("RetainedInWallet/" + attempt) || Integer.parseInt(t.split("/")[1]) > attempt);
        boolean statusShows = status.stream().anyMatch(t -> t.equals(item.get("Status") + "/" + attempt)
                || mayBeReturned && t.equals("RetainedInWallet/" + attempt) || Integer.parseInt(t.split("/")[1]) > attempt);
        return historyShows && totalsShow && statusShows ? null : "webhook " + item + " arrived while history "
                + history + ", daily totals " + totals + ", status " + status;
    }

    @Autowired
    WebTestClient http;

    MassPayApi api;
    ReadsApi reads;

    @BeforeAll
    static void startReceiver() throws IOException {
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.setExecutor(hookThreads);
        hooks.createContext("/hooks/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String account = exchange.getRequestURI().getPath().substring("/hooks/".length());
            @SuppressWarnings("unchecked")
            Map<String, Object> event = JSON.readValue(body, Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) event.get("Item");
            if (item != null) {
                // straight from the read models' tables, not through the API (whose reads would wait for them)
                String found = tablesBehind(item);
                if (found != null) {
                    itemHookFindings.add(found);
                }
                itemHooksChecked.incrementAndGet();
            }
            if ("Batch.Completed".equals(event.get("EventType"))) {
                // as a finance team's hook does: fetch the report and the audit trail now, before answering
                String batchId = (String) event.get("BatchId");
                hookFindings.put(batchId, new ReadsAtOnce(hookClient, issuersByAccount.get(account), batchId)
                        .findingsOnCompleted(event));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hooks.start();
    }

    @AfterAll
    static void stopReceiver() {
        hooks.stop(0);
        hookThreads.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        reads = new ReadsApi(http);
        hookClient = http;
        hookJdbc = jdbc;
    }

    private Issuer subscribedIssuer(String funding) {
        Issuer issuer = api.onboardIssuer("USD", funding);
        issuersByAccount.put(issuer.account(), issuer);
        http.put().uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Webhook")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("Url", "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hooks/"
                        + issuer.account(), "Secret", "s3cret-s3cret-s3cret-s3cret-s3cret-1"))
                .exchange().expectStatus().isOk();
        return issuer;
    }

    @Test
    void shouldShowEveryReadAgreeingWithTheStatusTheMomentABatchIsFinalRetriesIncluded() {
        Issuer issuer = subscribedIssuer("480.00");
        api.fullRecipient(issuer, "PAT-A");
        api.fullRecipient(issuer, "PAT-B");
        api.recipient(issuer, "PAT-W", "Individual");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int k = 0; k < COPIES; k++) {
            // every sandbox outcome (API.md section 3), ten times over: the read models have some work to do
            items.addAll(List.of(
                    walletItem("WALLET-" + k, "PAT-W", "XTR94502", "7.00"),
                    item("BANK-" + k, "PAT-A", "XTR94500", "10.00", Map.of()),
                    item("DECLINED-" + k, "PAT-A", "XTR94500", "1.91", Map.of()),
                    item("UNAVAILABLE-" + k, "PAT-B", "XTR94500", "2.92", Map.of()),
                    item("SLOW-" + k, "PAT-B", "XTR94500", "3.93", Map.of()),
                    item("CLOSED-" + k, "PAT-A", "XTR94508", "4.94", Map.of()),
                    item("PENDING-" + k, "PAT-B", "XTR94500", "5.95", Map.of()),
                    item("RETURNED-" + k, "PAT-A", "XTR94500", "6.96", Map.of()),
                    // more than the wallet holds whatever the order: refused at run time
                    walletItem("BROKE-" + k, "PAT-W", "XTR94502", "600.00")));
        }
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "MIXED-1", items)).get("BatchId");

        // first pass: final, with the returns already come back (a return may reopen a Completed batch)
        Map<String, Object> first = firstStatus(issuer, batchId, s -> isFinal(s) && allReturned(s));
        assertThat(new ReadsAtOnce(http, issuer, batchId).findingsAgainst(first)).isEmpty();
        assertThat(first.get("Counts")).isEqualTo(Map.of("Processing", 0, "Success", 4 * COPIES, "Failed", COPIES,
                "RetainedInWallet", 4 * COPIES));

        // second pass: a retry of every item that did not succeed, after a top-up; each gets attempt 2
        api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + issuer.walletId() + "/Fund",
                Map.of("Amount", "10000.00", "Reference", "top-up"), HttpStatus.OK);
        List<Map<String, Object>> again = items.stream().filter(i -> !"Success".equals(
                statusItem(first, (String) i.get("CustomerTransactionId")).get("Status"))).toList();
        api.submitAccepted(issuer, batch(issuer, "MIXED-1", again));
        Map<String, Object> second = firstStatus(issuer, batchId, s -> isFinal(s) && allReturned(s)
                && again.stream().allMatch(i -> ((Number) statusItem(s, (String) i.get("CustomerTransactionId"))
                .get("AttemptNo")).intValue() == 2));
        assertThat(new ReadsAtOnce(http, issuer, batchId).findingsAgainst(second)).isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> hookFindings.containsKey(batchId));
        assertThat(hookFindings.get(batchId)).as("what the Batch.Completed hook found in the reads").isEmpty();
        assertThat(itemHooksChecked.get()).as("item webhooks received").isGreaterThanOrEqualTo(items.size() + again.size());
        assertThat(itemHookFindings).as("item webhooks ahead of the read models").isEmpty();
    }

    /**
     * The first status read for which {@code done} holds: read again and again, no pause, to catch the moment.
     * On the way, each item the status shows final for the first time (or with a new outcome) has its History
     * read at once, which must show that outcome (or, for a paid item its rail returns, the return).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> firstStatus(Issuer issuer, String batchId, Predicate<Map<String, Object>> done) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, String> seen = new HashMap<>();
        List<String> findings = new CopyOnWriteArrayList<>();
        while (System.nanoTime() < until) {
            var answer = api.status(issuer, batchId, "PageSize=1000").returnResult(Map.class);
            Map<String, Object> status = answer.getResponseBody().blockFirst();
            if (answer.getStatus().value() != 200) {
                findings.add("status read answered " + answer.getStatus());
                continue;
            }
            List<CompletableFuture<Void>> checks = new ArrayList<>();
            for (Map<String, Object> item : (List<Map<String, Object>>) status.get("Items")) {
                String outcome = item.get("Status") + "/" + item.get("ErrorCode") + "/" + item.get("AttemptNo");
                String id = (String) item.get("CustomerTransactionId");
                if (!"Processing".equals(item.get("Status")) && !outcome.equals(seen.put(id, outcome))) {
                    checks.add(CompletableFuture.runAsync(() -> {
                        Map<String, Object> history = reads.json(issuer, ReadsApi.historyPath(batchId, id));
                        List<Map<String, Object>> attempts = (List<Map<String, Object>>) history.get("Attempts");
                        Map<String, Object> last = attempts.get(attempts.size() - 1);
                        String shown = last.get("Status") + "/" + last.get("ErrorCode") + "/" + last.get("AttemptNo");
                        boolean returnedSince = id.startsWith("RETURNED-") && "Success".equals(item.get("Status"))
                                && shown.equals("RetainedInWallet/PAYOUT_RETURNED/" + item.get("AttemptNo"));
                        if ((!shown.equals(outcome) || last.get("FinishedAt") == null) && !returnedSince) {
                            findings.add("status shows " + id + " " + outcome + ", its History right after " + shown);
                        }
                    }));
                }
            }
            checks.forEach(CompletableFuture::join);
            if (done.test(status)) {
                assertThat(findings).as("History read the moment the status showed an item final").isEmpty();
                return status;
            }
        }
        throw new AssertionError("batch " + batchId + " never got there");
    }

    @SuppressWarnings("unchecked")
    private static boolean allReturned(Map<String, Object> status) {
        return ((List<Map<String, Object>>) status.get("Items")).stream()
                .filter(i -> ((String) i.get("CustomerTransactionId")).startsWith("RETURNED-"))
                .allMatch(i -> "PAYOUT_RETURNED".equals(i.get("ErrorCode")));
    }

    @Test
    void shouldFindEveryBatchByCustomerBatchIdRightAfterIts202() {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.recipient(issuer, "PAT-1", "Individual");
        List<String> wrong = new ArrayList<>();
        took.clear();
        for (int i = 0; i < TIMES; i++) {
            String customerBatchId = "CB-" + i;
            String batchId = (String) api.submitAccepted(issuer, batch(issuer, customerBatchId,
                    List.of(walletItem("T-" + i, "PAT-1", "XTR94502", "1.00")))).get("BatchId");
            long asked = System.nanoTime();
            var answer = reads.get(issuer, "/API/v4/Fund/BatchTransfer?CustomerBatchId=" + customerBatchId)
                    .returnResult(Map.class);
            took.add(System.nanoTime() - asked);
            Map<?, ?> body = answer.getResponseBody().blockFirst();
            if (answer.getStatus().value() != 200 || !batchId.equals(body.get("BatchId"))
                    || !Integer.valueOf(1).equals(body.get("AcceptedCount"))) {
                wrong.add(customerBatchId + ": " + answer.getStatus() + " " + body);
            }
        }
        report("by CustomerBatchId right after the 202", took);
        assertThat(wrong).as("reads by CustomerBatchId right after the 202").isEmpty();
    }

    @Test
    void shouldShowAWalletAndItsBalanceRightAfterItIsCreatedAndFunded() {
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        List<String> wrong = new ArrayList<>();
        took.clear();
        for (int i = 0; i < TIMES; i++) {
            String wallet = (String) api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets",
                    Map.of("Currency", "USD"), HttpStatus.CREATED).get("WalletId");
            check(wrong, issuer, wallet, "0.00", "after create");
            String balance = (String) api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + wallet
                    + "/Fund", Map.of("Amount", (i + 1) + ".25", "Reference", "r" + i), HttpStatus.OK).get("Balance");
            check(wrong, issuer, wallet, balance, "after fund");
        }
        report("wallet right after create/fund", took);
        assertThat(wrong).as("wallet reads right after their 2xx").isEmpty();
    }

    private final List<Long> took = new ArrayList<>();

    /** The figures for README/ADR 0017: how long a read right after a 2xx took, median and 95th percentile. */
    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf("read-your-writes %s: %d reads, median %.1f ms, p95 %.1f ms, max %.1f ms%n", what,
                sorted.size(), sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 95 / 100) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private void check(List<String> wrong, Issuer issuer, String wallet, String balance, String when) {
        long asked = System.nanoTime();
        var answer = reads.get(issuer, "/API/v4/Wallets/" + wallet).returnResult(Map.class);
        took.add(System.nanoTime() - asked);
        Map<?, ?> body = answer.getResponseBody().blockFirst();
        if (answer.getStatus().value() != 200 || !balance.equals(body.get("Balance"))) {
            wrong.add(wallet + " " + when + ": " + answer.getStatus() + " " + body + ", expected " + balance);
        }
    }

    static boolean isFinal(Map<String, Object> status) {
        return "Completed".equals(status.get("Status")) || "CompletedWithErrors".equals(status.get("Status"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> statusItem(Map<String, Object> status, String customerTransactionId) {
        return ((List<Map<String, Object>>) status.get("Items")).stream()
                .filter(i -> customerTransactionId.equals(i.get("CustomerTransactionId"))).findFirst().orElseThrow();
    }

    /**
     * Every read of section 10 for one batch, requested together (in parallel, as a dashboard would), then
     * checked against a status the client saw before it asked: item by item, and money against money.
     */
    static final class ReadsAtOnce {

        private final WebTestClient http;
        private final Issuer issuer;
        private final String batchId;

        ReadsAtOnce(WebTestClient http, Issuer issuer, String batchId) {
            this.http = http;
            this.issuer = issuer;
            this.batchId = batchId;
        }

        /**
         * For the webhook receiver, on {@code Batch.Completed}: Report.csv has a row for every item the event
         * counts, every row final (a status and a FinishedAt), and the audit stream holds each attempt's final
         * event. (A later return may already have turned a counted Success into RetainedInWallet: the reads may
         * be newer than the webhook, never older.)
         */
        @SuppressWarnings("unchecked")
        List<String> findingsOnCompleted(Map<String, Object> event) {
            CompletableFuture<Object> report = async(() -> text("/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv"));
            CompletableFuture<Object> auditPage = async(() -> json("/API/v4/Audit/Batches/" + batchId + "/Events"));
            List<String> findings = new ArrayList<>();
            List<CSVRecord> rows = csv((String) report.join());
            List<Map<String, Object>> audit = (List<Map<String, Object>>) ((Map<String, Object>) auditPage.join())
                    .get("Events");
            Map<String, Integer> counts = (Map<String, Integer>) event.get("Counts");
            Map<String, CSVRecord> lastRows = new java.util.LinkedHashMap<>();
            rows.forEach(r -> lastRows.put(r.get("CustomerTransactionId"), r));
            int counted = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (lastRows.size() != counted) {
                findings.add("Report.csv has " + lastRows.size() + " items, the webhook counts " + counted);
            }
            long failed = lastRows.values().stream().filter(r -> "Failed".equals(r.get("Status"))).count();
            if (failed != counts.get("Failed")) {
                findings.add("Report.csv has " + failed + " Failed items, the webhook counts " + counts.get("Failed"));
            }
            for (CSVRecord row : rows) {
                String state = row.get("Status");
                if (!List.of("Success", "Failed", "RetainedInWallet").contains(state) || row.get("FinishedAt").isEmpty()) {
                    findings.add("Report.csv row not final on Batch.Completed: " + row);
                } else if (audit.stream().noneMatch(e -> finalEventOf(e, row.get("TransactionId"),
                        Integer.parseInt(row.get("AttemptNo")), state, row.get("ErrorCode").isEmpty() ? null
                                : row.get("ErrorCode")))) {
                    findings.add("audit stream lacks the final event of " + row.get("CustomerTransactionId")
                            + " attempt " + row.get("AttemptNo") + " (" + state + ")");
                }
            }
            return findings;
        }

        @SuppressWarnings("unchecked")
        List<String> findingsAgainst(Map<String, Object> status) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) status.get("Items");
            Map<String, CompletableFuture<Object>> fetched = new HashMap<>();
            fetched.put("byCustomerBatchId", async(() -> json("/API/v4/Fund/BatchTransfer?CustomerBatchId="
                    + status.get("CustomerBatchId") + "&PageSize=1000")));
            fetched.put("report", async(() -> text("/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv")));
            fetched.put("audit", async(() -> json("/API/v4/Audit/Batches/" + batchId + "/Events")));
            fetched.put("issuerWallet", async(() -> json("/API/v4/Wallets/" + issuer.walletId())));
            fetched.put("entries", async(() -> json("/API/v4/Wallets/" + issuer.walletId() + "/Entries?PageSize=1000")));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            fetched.put("totals", async(() -> json("/API/v4/Reports/DailyTotals?From=" + today.minusDays(1) + "&To="
                    + today.plusDays(1))));
            for (Map<String, Object> item : items) {
                String id = (String) item.get("CustomerTransactionId");
                fetched.put("history:" + id, async(() -> json("/API/v4/Fund/BatchTransfer/" + batchId + "/Items/"
                        + id + "/History")));
            }
            items.stream().map(i -> (String) i.get("RecipientId")).distinct().forEach(r -> fetched.put("wallets:" + r,
                    async(() -> list("/API/v4/Recipients/" + r + "/Wallets"))));
            Map<String, Object> got = new HashMap<>();
            List<String> findings = new ArrayList<>();
            fetched.forEach((name, future) -> {
                try {
                    got.put(name, future.join());
                } catch (RuntimeException e) {
                    findings.add(name + " failed: " + e.getMessage());
                }
            });
            if (!findings.isEmpty()) {
                return findings;
            }
            Map<String, Object> byCustomerId = (Map<String, Object>) got.get("byCustomerBatchId");
            if (!status.get("Items").equals(byCustomerId.get("Items")) || !status.get("Status").equals(byCustomerId.get("Status"))) {
                findings.add("by CustomerBatchId differs: " + byCustomerId);
            }
            List<CSVRecord> rows = csv((String) got.get("report"));
            List<Map<String, Object>> audit = (List<Map<String, Object>>) ((Map<String, Object>) got.get("audit"))
                    .get("Events");
            Map<String, BigDecimal> retainedByRecipient = new HashMap<>();
            for (Map<String, Object> item : items) {
                String id = (String) item.get("CustomerTransactionId");
                String state = (String) item.get("Status");
                Object error = item.get("ErrorCode");
                int attempt = ((Number) item.get("AttemptNo")).intValue();
                String tx = (String) item.get("TransactionId");
                Map<String, Object> history = (Map<String, Object>) got.get("history:" + id);
                List<Map<String, Object>> attempts = (List<Map<String, Object>>) history.get("Attempts");
                Map<String, Object> last = attempts.get(attempts.size() - 1);
                if (!state.equals(history.get("Status")) || attempts.size() != attempt
                        || !state.equals(last.get("Status")) || !java.util.Objects.equals(error, last.get("ErrorCode"))
                        || last.get("FinishedAt") == null) {
                    findings.add("history of " + id + " is " + history + " while status says " + item);
                }
                List<CSVRecord> itemRows = rows.stream().filter(r -> r.get("CustomerTransactionId").equals(id)).toList();
                CSVRecord lastRow = itemRows.isEmpty() ? null : itemRows.get(itemRows.size() - 1);
                if (itemRows.size() != attempt || !state.equals(lastRow.get("Status"))
                        || !(error == null ? "" : error).equals(lastRow.get("ErrorCode")) || lastRow.get("FinishedAt").isEmpty()
                        || itemRows.stream().anyMatch(r -> r.get("FinishedAt").isEmpty())) {
                    findings.add("report rows of " + id + " are " + itemRows + " while status says " + item);
                }
                if (audit.stream().noneMatch(e -> finalEventOf(e, tx, attempt, state, error))) {
                    findings.add("audit stream has no final event of " + id + " attempt " + attempt + " (" + state + ")");
                }
                BigDecimal amount = new BigDecimal((String) item.get("Amount"));
                if ("RetainedInWallet".equals(state) || "XTR94502".equals(item.get("SendMethodId"))
                        && "Success".equals(state)) {
                    retainedByRecipient.merge((String) item.get("RecipientId"), amount, BigDecimal::add);
                }
            }
            retainedByRecipient.forEach((recipient, expected) -> {
                List<Map<String, Object>> wallets = (List<Map<String, Object>>) got.get("wallets:" + recipient);
                BigDecimal balance = wallets.stream().map(w -> new BigDecimal((String) w.get("Balance")))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (balance.compareTo(expected) != 0) {
                    findings.add("wallets of " + recipient + " hold " + balance + ", the status says " + expected);
                }
            });
            Map<String, Object> wallet = (Map<String, Object>) got.get("issuerWallet");
            Map<String, Object> entries = (Map<String, Object>) got.get("entries");
            BigDecimal fromEntries = ((List<Map<String, Object>>) entries.get("Items")).stream()
                    .map(e -> new BigDecimal((String) e.get("Amount")).multiply(
                            "Debit".equals(e.get("Direction")) ? BigDecimal.ONE.negate() : BigDecimal.ONE))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (new BigDecimal((String) wallet.get("Balance")).compareTo(fromEntries) != 0) {
                findings.add("issuer wallet balance " + wallet.get("Balance") + " but its entries sum to " + fromEntries);
            }
            BigDecimal debitedInEntries = ((List<Map<String, Object>>) entries.get("Items")).stream()
                    .filter(e -> "Debit".equals(e.get("Direction")))
                    .map(e -> new BigDecimal((String) e.get("Amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (debitedInEntries.compareTo(totalDebitedOverAttempts(rows, items)) != 0) {
                findings.add("issuer wallet debits " + debitedInEntries + " but the attempts that took money sum to "
                        + totalDebitedOverAttempts(rows, items));
            }
            List<Map<String, Object>> totals = (List<Map<String, Object>>) ((Map<String, Object>) got.get("totals"))
                    .get("Rows");
            for (String state : List.of("Success", "Failed", "RetainedInWallet")) {
                long expected = items.stream().filter(i -> state.equals(i.get("Status"))).count();
                long counted = totals.stream().filter(r -> state.equals(r.get("Status")))
                        .mapToLong(r -> ((Number) r.get("Count")).longValue()).sum();
                if (expected != counted) {
                    findings.add("DailyTotals count " + counted + " " + state + ", the status " + expected);
                }
            }
            return findings;
        }

        /**
         * Money that left the issuer wallet: once per item that had an attempt not refused for lack of funds
         * (a retry of money retained in a recipient wallet pays from that wallet, not from the issuer's).
         */
        private static BigDecimal totalDebitedOverAttempts(List<CSVRecord> rows, List<Map<String, Object>> items) {
            return items.stream().filter(i -> rows.stream().anyMatch(r -> r.get("CustomerTransactionId")
                            .equals(i.get("CustomerTransactionId")) && !"Failed".equals(r.get("Status"))))
                    .map(i -> new BigDecimal((String) i.get("Amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @SuppressWarnings("unchecked")
        private static boolean finalEventOf(Map<String, Object> event, String tx, int attempt, String state,
                                            Object error) {
            Map<String, Object> payload = (Map<String, Object>) event.get("Payload");
            if (!tx.equals(payload.get("transactionId")) || !Integer.valueOf(attempt).equals(payload.get("attemptNo"))) {
                return false;
            }
            Object type = event.get("Type");
            return switch (state) {
                case "Success" -> "ItemSucceeded".equals(type);
                case "Failed" -> "ItemFailed".equals(type);
                default -> "PAYOUT_RETURNED".equals(error) ? "PayoutReturned".equals(type) : "RetainedInWallet".equals(type);
            };
        }

        private static CompletableFuture<Object> async(Supplier<Object> read) {
            return CompletableFuture.supplyAsync(read);
        }

        private WebTestClient.ResponseSpec get(String path) {
            return http.get().uri(path).headers(h -> h.setBearerAuth(issuer.apiKey())).exchange();
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> json(String path) {
            return get(path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        }

        private List<?> list(String path) {
            return get(path).expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        }

        private String text(String path) {
            return get(path).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        }

        private static List<CSVRecord> csv(String text) {
            try {
                return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(text)).getRecords();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
