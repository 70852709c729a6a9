package io.masspay.rails.sandbox;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The default rails: a sandbox for every rail send method (wallet methods need no rail). */
@Component
public class SandboxRails {

    private final List<RailGateway> gateways;

    SandboxRails(SandboxPayouts payouts,
                 @Value("${masspay.sandbox.slow-call:PT2S}") Duration slowness) {
        this.gateways = Arrays.stream(SendMethod.values())
                .filter(m -> !m.isWallet())
                .<RailGateway>map(m -> new SandboxRail(m, payouts, slowness))
                .toList();
    }

    public List<RailGateway> gateways() {
        return gateways;
    }
}
