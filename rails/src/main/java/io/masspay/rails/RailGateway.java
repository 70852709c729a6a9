package io.masspay.rails;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * The port to one payout rail (a bank, a card network, a gift card or check provider). Calls are
 * non-blocking: a rail that takes a second to answer holds no thread for that second (ADR 0013). A call is
 * identified by its idempotency key {@code TransactionId:AttemptNo}: a rail pays at most once per key,
 * however often it is called with it. Neither method fails: what went wrong is a {@link RailReply}.
 */
public interface RailGateway {

    /** The send method this rail carries. */
    SendMethod method();

    /** Asks the rail to pay; calling again with the same key asks how that payout went. */
    Mono<RailReply> send(PayoutOrder order);

    /** How the payout with this key went, without paying anything (polls a pending payout). */
    Mono<RailReply> status(String idempotencyKey);

    /**
     * What this rail is known to do with a payout of this amount before it is asked, for a dry run: the
     * sandbox's scripted failures; a real provider's answer cannot be known beforehand (empty: no known failure).
     */
    default Optional<ErrorCode> knownFailure(Money amount) {
        return Optional.empty();
    }

    /** The longest a call may take before it counts as unanswered; the dispatcher leases calls for longer. */
    Duration callTimeout();
}
