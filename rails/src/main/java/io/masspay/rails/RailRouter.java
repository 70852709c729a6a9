package io.masspay.rails;

import io.masspay.kernel.payout.PayOut;
import io.masspay.kernel.payout.RailOutcome;
import io.masspay.kernel.payout.RailResponse;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.sandbox.SandboxRails;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Hands each {@link PayOut} to the rail of its send method. A configured HTTP connector takes
 * precedence over the sandbox for its method; a method without any rail is simply unavailable.
 */
@Component
class RailRouter {

    private final Map<SendMethod, RailGateway> rails = new EnumMap<>(SendMethod.class);

    RailRouter(SandboxRails sandbox, List<RailConnectors> connectors) {
        sandbox.gateways().forEach(rail -> rails.put(rail.method(), rail));
        connectors.forEach(set -> set.gateways().forEach(rail -> rails.put(rail.method(), rail)));
    }

    @CommandHandler
    RailResponse handle(PayOut request) {
        RailGateway rail = rails.get(request.method());
        return rail == null ? new RailResponse(RailOutcome.Unavailable) : rail.payOut(request);
    }
}
