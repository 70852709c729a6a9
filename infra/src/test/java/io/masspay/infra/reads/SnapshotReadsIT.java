package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read made of several queries answers from one snapshot: a batch's status page, whose Counts and Items
 * come from two queries, never disagrees with itself while a projection commits between them. The projection
 * is played here by a writer that moves items between Success and RetainedInWallet as fast as it can commit,
 * as a rail's return does to a paid item; each status read must add up.
 */
class SnapshotReadsIT extends ReadsTestBase {

    private static final int ITEMS = 40;
    private static final int READS = 300;

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerAStatusWhoseCountsAlwaysAddUpToItsItemsWhileTheReadModelMoves() {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.recipient(issuer, "PAT-1", "Individual");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(walletItem("SNAP-" + i, "PAT-1", "XTR94502", "1.00"));
        }
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "SNAP-1", items)).get("BatchId");
        api.awaitFinal(issuer, batchId);
        List<String> transactions = jdbc.queryForList(
                "select transaction_id from batch_item_view where batch_id = ? order by position", String.class, batchId);

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger commits = new AtomicInteger();
        CompletableFuture<Void> projection = CompletableFuture.runAsync(() -> {
            for (int k = 0; reading.get(); k++) {
                jdbc.update("""
                        update batch_item_view set status = case status when 'Success' then 'RetainedInWallet'
                        else 'Success' end where transaction_id = ?""", transactions.get(k % ITEMS));
                commits.incrementAndGet();
            }
        });
        List<String> disagreements = new ArrayList<>();
        try {
            for (int read = 0; read < READS; read++) {
                Map<String, Object> status = reads.json(issuer, "/API/v4/Fund/BatchTransfer/" + batchId + "?PageSize=1000");
                Map<String, Integer> listed = new HashMap<>(Map.of("Processing", 0, "Success", 0, "Failed", 0,
                        "RetainedInWallet", 0));
                ((List<Map<String, Object>>) status.get("Items")).forEach(item ->
                        listed.merge((String) item.get("Status"), 1, Integer::sum));
                if (!listed.equals(status.get("Counts"))) {
                    disagreements.add("Counts " + status.get("Counts") + ", Items " + listed);
                }
            }
        } finally {
            reading.set(false);
            projection.join();
        }
        assertThat(commits.get()).as("the writer's commits while the status was read").isGreaterThan(READS);
        assertThat(disagreements).as("status reads whose Counts disagree with their own Items").isEmpty();
    }
}
