package io.masspay.rails;

import io.masspay.kernel.payout.PayOut;
import io.masspay.kernel.payout.RailOutcome;
import io.masspay.kernel.payout.RailResponse;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.sandbox.SandboxRails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Hands each {@link PayOut} to the rail of its send method. A configured HTTP connector takes
 * precedence over the sandbox for its method; a method without any rail is simply unavailable.
 *
 * <p>Every call is counted per send method and outcome ({@code masspay_rail_calls_total}); every call
 * that did not pay, a thrown failure included, also in {@code masspay_rail_failures_total}. The call runs
 * with the item's {@code TransactionId} in the logging context, so a connector's log lines carry it.
 */
@Component
class RailRouter {

    private static final Logger log = LoggerFactory.getLogger(RailRouter.class);
    /** The outcome tag of a call that ended in an exception instead of an answer. */
    static final String ERROR = "Error";

    private final Map<SendMethod, RailGateway> rails = new EnumMap<>(SendMethod.class);
    private final MeterRegistry meters;

    RailRouter(SandboxRails sandbox, List<RailConnectors> connectors) {
        this(sandbox, connectors, new SimpleMeterRegistry());
    }

    @Autowired
    RailRouter(SandboxRails sandbox, List<RailConnectors> connectors, MeterRegistry meters) {
        this.meters = meters;
        sandbox.gateways().forEach(rail -> rails.put(rail.method(), rail));
        connectors.forEach(set -> set.gateways().forEach(rail -> rails.put(rail.method(), rail)));
    }

    @CommandHandler
    RailResponse handle(PayOut request) {
        String previous = MDC.get("TransactionId");
        MDC.put("TransactionId", request.transactionId().value());
        try {
            RailGateway rail = rails.get(request.method());
            RailResponse response = rail == null ? new RailResponse(RailOutcome.Unavailable) : rail.payOut(request);
            count(request.method(), response.outcome().name(), response.outcome() == RailOutcome.Paid);
            if (response.outcome() != RailOutcome.Paid) {
                log.info("Rail {} answered {} for payout {}", request.method(), response.outcome(),
                        request.idempotencyKey());
            }
            return response;
        } catch (RuntimeException e) {
            count(request.method(), ERROR, false);
            throw e;
        } finally {
            if (previous == null) {
                MDC.remove("TransactionId");
            } else {
                MDC.put("TransactionId", previous);
            }
        }
    }

    private void count(SendMethod method, String outcome, boolean paid) {
        Counter.builder("masspay.rail.calls").description("Payout calls to a rail, by send method and outcome")
                .tag("send_method", method.name()).tag("outcome", outcome).register(meters).increment();
        if (!paid) {
            Counter.builder("masspay.rail.failures")
                    .description("Payout calls that did not pay (declined, unavailable, closed, or failed)")
                    .tag("send_method", method.name()).register(meters).increment();
        }
    }
}
