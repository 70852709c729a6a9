package io.masspay.rails.sandbox;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailGateway;
import io.masspay.rails.RailRequest;
import io.masspay.rails.RailResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;

/**
 * The default rails: a sandbox per rail send method. In this first slice they accept every call; the
 * deterministic outcomes by cents (.91 declined, .92 unavailable, ...) come with rail payouts.
 */
@Configuration(proxyBeanMethods = false)
public class SandboxRails {

    @Bean
    List<RailGateway> sandboxRailGateways() {
        return Arrays.stream(SendMethod.values())
                .filter(m -> !m.isWallet())
                .<RailGateway>map(SandboxRail::new)
                .toList();
    }

    record SandboxRail(SendMethod method) implements RailGateway {

        @Override
        public RailResponse payOut(RailRequest request) {
            return RailResponse.paidOut();
        }
    }
}
