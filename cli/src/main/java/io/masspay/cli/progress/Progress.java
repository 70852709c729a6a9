package io.masspay.cli.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.text.Json;

import java.util.Set;

/** A batch's {@code Status} and {@code Counts} at one poll (API.md section 4). */
public record Progress(String status, long processing, long success, long failed, long retained) {

    private static final Set<String> HELD = Set.of("AwaitingApproval", "Scheduled");

    public static Progress of(JsonNode batchStatus) {
        JsonNode counts = batchStatus.path("Counts");
        return new Progress(Json.text(batchStatus, "Status"), Json.number(counts, "Processing"),
                Json.number(counts, "Success"), Json.number(counts, "Failed"), Json.number(counts, "RetainedInWallet"));
    }

    /**
     * The status read model lists items as it learns of them; right after a submission it may know fewer
     * than were accepted. The ones it has not seen yet are, by definition, still processing.
     */
    public Progress expecting(long acceptedItems) {
        long unseen = acceptedItems - total();
        return unseen > 0 ? new Progress(status, processing + unseen, success, failed, retained) : this;
    }

    public long total() {
        return processing + success + failed + retained;
    }

    /** Items that reached an outcome that will not change by itself. */
    public long done() {
        return success + failed + retained;
    }

    /**
     * The batch's own word, not the counts: a batch is final when the service says so. A held batch (API.md
     * section 11: {@code AwaitingApproval}, {@code Scheduled}) is not: an approver, its time or a cancel moves it on.
     */
    public boolean isFinal() {
        return !status.isEmpty() && !"Processing".equals(status) && !isHeld();
    }

    /** Accepted but moving no money yet, until an approver, its ScheduledFor or a cancel decides. */
    public boolean isHeld() {
        return HELD.contains(status);
    }

    public boolean allSucceeded() {
        return success == total();
    }
}
