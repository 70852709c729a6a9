package io.masspay.command.admission;

import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Until when this node's admission told each issuer to come back ({@link Admission}'s last refusal and its
 * {@code Retry-After}). A submission refused for another reason in that window (too many of the issuer's
 * submissions in flight) is told the same time instead of one second: a flooding client that honours
 * {@code Retry-After} then sends its refused 5,000-item bodies a few times less often, and the node spends
 * that CPU on payments and read models instead (issue 16's fairness, ADR 0014). One entry per issuer, dropped
 * when it is read after it ran out.
 */
@Component
public class RecentRefusals {

    private final Map<String, Instant> comeBackAt = new ConcurrentHashMap<>();
    private final Clock clock;

    public RecentRefusals() {
        this(Clock.systemUTC());
    }

    RecentRefusals(Clock clock) {
        this.clock = clock;
    }

    /** Recorded by {@link Admission} with each refusal it answers. */
    public void refused(IssuerAccountNumber issuer, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        comeBackAt.merge(issuer.value(), until, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    /** What is left of the issuer's last admission refusal, if anything. */
    public Optional<Duration> remaining(IssuerAccountNumber issuer) {
        Instant until = comeBackAt.get(issuer.value());
        if (until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            comeBackAt.remove(issuer.value(), until);
            return Optional.empty();
        }
        return Optional.of(left);
    }
}
