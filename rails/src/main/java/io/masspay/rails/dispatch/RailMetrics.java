package io.masspay.rails.dispatch;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rails' series at {@code /actuator/prometheus} (README, "Rails"): calls by outcome
 * ({@code masspay_rail_calls_total}), calls that did not pay ({@code masspay_rail_failures_total}), calls in
 * flight ({@code masspay_rail_in_flight}), answer latency ({@code masspay_rail_answer_latency_seconds}, a
 * histogram), and returns ({@code masspay_rail_returns_total}); all per send method and node.
 */
@Component
public class RailMetrics {

    private final MeterRegistry meters;
    /** Looked up once per series: a call's answer is recorded on an event loop, hundreds of times a second. */
    private final Map<SendMethod, Map<RailReply.Kind, Counter>> calls = new ConcurrentHashMap<>();
    private final Map<SendMethod, Counter> failures = new ConcurrentHashMap<>();
    private final Map<SendMethod, Timer> latency = new ConcurrentHashMap<>();

    RailMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void inFlight(RailLimits limits) {
        Gauge.builder("masspay.rail.in.flight", limits, RailLimits::inFlightNow)
                .description("Rail calls waiting for their answer on this node")
                .tag("send_method", limits.method().id()).register(meters);
    }

    void answered(SendMethod method, RailReply.Kind outcome, Duration took) {
        calls.computeIfAbsent(method, m -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, kind ->
                Counter.builder("masspay.rail.calls").description("Calls to a rail, by send method and outcome")
                        .tag("send_method", method.id()).tag("outcome", kind.name()).register(meters)).increment();
        if (outcome != RailReply.Kind.Paid) {
            failures.computeIfAbsent(method, m -> Counter.builder("masspay.rail.failures")
                    .description("Rail calls that did not pay").tag("send_method", m.id()).register(meters))
                    .increment();
        }
        latency.computeIfAbsent(method, m -> Timer.builder("masspay.rail.answer.latency")
                .description("How long a rail took to answer a call").tag("send_method", m.id())
                .publishPercentileHistogram().register(meters)).record(took);
    }

    public void returned(SendMethod method) {
        Counter.builder("masspay.rail.returns").description("Paid payouts a rail gave back")
                .tag("send_method", method.id()).register(meters).increment();
    }
}
