package io.masspay.rails.sandbox;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailGateway;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/** The default rails: a sandbox for every rail send method (wallet methods need no rail). */
@Component
public class SandboxRails {

    private final List<RailGateway> gateways;

    SandboxRails(SandboxPayouts payouts, SandboxSettings settings) {
        this.gateways = Arrays.stream(SendMethod.values())
                .filter(m -> !m.isWallet())
                .<RailGateway>map(m -> new SandboxRail(m, payouts, settings))
                .toList();
    }

    public List<RailGateway> gateways() {
        return gateways;
    }
}
