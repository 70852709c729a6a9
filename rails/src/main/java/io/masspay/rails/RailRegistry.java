package io.masspay.rails;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.sandbox.SandboxRails;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rail of each send method: a configured HTTP connector takes precedence over the sandbox for its
 * method; a method without any rail has none (its payouts stay unavailable).
 */
@Component
public class RailRegistry {

    private final Map<SendMethod, RailGateway> rails = new EnumMap<>(SendMethod.class);

    RailRegistry(SandboxRails sandbox, List<RailConnectors> connectors) {
        sandbox.gateways().forEach(rail -> rails.put(rail.method(), rail));
        connectors.forEach(set -> set.gateways().forEach(rail -> rails.put(rail.method(), rail)));
    }

    public Optional<RailGateway> of(SendMethod method) {
        return Optional.ofNullable(rails.get(method));
    }

    public List<SendMethod> methods() {
        return List.copyOf(rails.keySet());
    }
}
