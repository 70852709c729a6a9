package io.masspay.query.status;

import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.transaction.ItemStatus;
import io.masspay.query.support.Timestamps;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One batch's items summed per status, and what those sums say about the batch (API.md section 3): the
 * status page and the batch list derive Status, CompletedAt and the amounts the same way from it.
 */
final class ItemCounts {

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long totalMinor;
    private long successMinor;
    private OffsetDateTime lastUpdate;

    ItemCounts() {
        for (ItemStatus status : ItemStatus.values()) {
            counts.put(status.name(), 0L);
        }
    }

    /** One row of {@code select status, count(*), sum(amount_minor), max(updated_at) ... group by status}. */
    void add(String status, long count, long amountMinor, OffsetDateTime updatedAt) {
        counts.put(status, count);
        totalMinor += amountMinor;
        if (ItemStatus.Success.name().equals(status)) {
            successMinor = amountMinor;
        }
        if (lastUpdate == null || updatedAt.isAfter(lastUpdate)) {
            lastUpdate = updatedAt;
        }
    }

    long items() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    long count(ItemStatus status) {
        return counts.get(status.name());
    }

    /** Final only once every accepted item is in the read model and none of them is still Processing. */
    boolean allFinal(int acceptedCount) {
        return items() == acceptedCount && count(ItemStatus.Processing) == 0;
    }

    /** {@code hold}: AwaitingApproval or Scheduled while the batch is held (API.md section 11), else null. */
    String batchStatus(int acceptedCount, String hold) {
        if (!allFinal(acceptedCount)) {
            if (hold != null) {
                return hold;
            }
            return "Processing";
        }
        return count(ItemStatus.Success) == items() ? "Completed" : "CompletedWithErrors";
    }

    /** The last item's final update: when the batch became final, or null while it is not. */
    String completedAt(int acceptedCount) {
        return allFinal(acceptedCount) ? Timestamps.iso(lastUpdate) : null;
    }

    Map<String, Long> asMap() {
        return counts;
    }

    String totalAmount(CurrencyCode currency) {
        return new Money(totalMinor, currency).toDecimalString();
    }

    String successAmount(CurrencyCode currency) {
        return new Money(successMinor, currency).toDecimalString();
    }
}
