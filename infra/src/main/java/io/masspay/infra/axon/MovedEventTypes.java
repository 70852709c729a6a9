package io.masspay.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.CashoutStarted;
import io.masspay.kernel.transaction.ExpressItems;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.kernel.transaction.LatePayoutApplied;
import io.masspay.kernel.transaction.PayoutFailed;
import io.masspay.kernel.transaction.PayoutPending;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.transaction.PayoutSettledLate;
import io.masspay.kernel.transaction.PayoutSucceeded;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.wallet.FundsReturnedToWallet;
import io.masspay.kernel.wallet.LatePayoutRecovered;
import io.masspay.kernel.wallet.PayoutRefused;
import io.masspay.kernel.wallet.PayoutRequested;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Events keep their class name in the store. When the shared kernel was regrouped by the aggregate that
 * emits each message (ADR 0022), these events changed package; this upcaster reads an event stored under
 * its old name as the class it is now, revision unchanged, so a store written before the move replays
 * whole. Anything that reads stored types itself (not through Axon) asks {@link #current(String)}.
 */
@Component
public class MovedEventTypes extends SingleEventUpcaster {

    private static final Map<String, String> CURRENT = Stream.of(
                    moved("transfer", AttemptStarted.class), moved("transfer", CashoutStarted.class),
                    moved("transfer", ExpressItems.class), moved("transfer", ItemFailed.class),
                    moved("transfer", ItemSubmitted.class), moved("transfer", ItemSucceeded.class),
                    moved("transfer", LatePayoutApplied.class),
                    moved("payout", PayoutFailed.class), moved("payout", PayoutPending.class),
                    moved("payout", PayoutReturned.class), moved("payout", PayoutSettledLate.class),
                    moved("payout", PayoutSucceeded.class), moved("payout", RetainedInWallet.class),
                    moved("payout", FundsReturnedToWallet.class), moved("payout", LatePayoutRecovered.class),
                    moved("payout", PayoutRefused.class), moved("payout", PayoutRequested.class))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** The name a stored type has today: itself, unless it is the old name of a moved event. */
    public static String current(String storedType) {
        return CURRENT.getOrDefault(storedType, storedType);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return CURRENT.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(current(event.getType().getName()),
                event.getType().getRevision()), JsonNode.class, payload -> payload);
    }

    private static Map.Entry<String, String> moved(String oldPackage, Class<?> event) {
        return Map.entry("io.masspay.kernel." + oldPackage + "." + event.getSimpleName(), event.getName());
    }
}
