package io.masspay.kernel.transaction;

/**
 * Which payments processor pays an item (ADR 0014), decided once at admission and stored in its
 * {@link ItemSubmitted}: EXPRESS while its issuer's backlog (items accepted and not yet final, this batch
 * included) is small, BULK otherwise. Items stored before lanes existed have none: BULK. HELD: the item's
 * batch waits for an approver or its scheduled time; no processor pays it until the batch is released
 * ({@code BatchReleased}), and then the bulk lane does.
 */
public enum PaymentLane {
    EXPRESS, BULK, HELD;

    public static PaymentLane of(ItemSubmitted item) {
        return item.lane() == null ? BULK : item.lane();
    }
}
