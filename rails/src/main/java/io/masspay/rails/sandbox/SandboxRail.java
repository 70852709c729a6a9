package io.masspay.rails.sandbox;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.PayoutOrder;
import io.masspay.rails.RailGateway;
import io.masspay.rails.RailReply;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * A simulated rail with the outcomes of {@link SandboxScript}. Every call waits the configured latency
 * (and .93 its slowness) without holding a thread, is recorded against its key, and answers what the
 * record says: a key that was paid answers Paid again without paying twice.
 */
record SandboxRail(SendMethod method, SandboxPayouts payouts, SandboxSettings settings) implements RailGateway {

    @Override
    public Mono<RailReply> send(PayoutOrder order) {
        SandboxScript script = SandboxScript.of(order.amount(), settings.pendingFor(), settings.returnedAfter());
        Duration wait = script.slow() ? settings.latency().plus(settings.slowCall()) : settings.latency();
        return after(wait, () -> payouts.call(order, script).map(SandboxOutcome::reply));
    }

    @Override
    public Mono<RailReply> status(String idempotencyKey) {
        return after(settings.latency(), () -> payouts.status(idempotencyKey)
                .map(SandboxOutcome::reply)
                .defaultIfEmpty(RailReply.of(RailReply.Kind.UnknownKey)));
    }

    /** The scripted outcome of the amount's cents; the durations do not matter to it. */
    @Override
    public Optional<ErrorCode> knownFailure(Money amount) {
        return SandboxScript.of(amount, Duration.ZERO, Duration.ZERO).failure();
    }

    @Override
    public Duration callTimeout() {
        return settings.latency().plus(settings.slowCall()).plus(Duration.ofSeconds(10));
    }

    private static Mono<RailReply> after(Duration wait, java.util.function.Supplier<Mono<RailReply>> answer) {
        return wait.isZero() ? Mono.defer(answer) : Mono.delay(wait).then(Mono.defer(answer));
    }
}
