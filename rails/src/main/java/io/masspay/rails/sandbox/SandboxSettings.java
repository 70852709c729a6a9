package io.masspay.rails.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * How the sandbox rails behave: {@code masspay.sandbox.latency} before every answer (default 0, to
 * simulate a real provider), {@code slow-call} more for an amount ending in .93, when a pending .95 is paid
 * and a paid .96 returned (by callback), and the secret its callbacks are signed with (random per node
 * unless set: the sandbox calls back the node that made the call).
 */
@Component
public class SandboxSettings {

    private final Duration latency;
    private final Duration slowCall;
    private final Duration pendingFor;
    private final Duration returnedAfter;
    private final String callbackSecret;

    SandboxSettings(@Value("${masspay.sandbox.latency:PT0S}") Duration latency,
                    @Value("${masspay.sandbox.slow-call:PT2S}") Duration slowCall,
                    @Value("${masspay.sandbox.pending-for:PT2S}") Duration pendingFor,
                    @Value("${masspay.sandbox.returned-after:PT3S}") Duration returnedAfter,
                    @Value("${masspay.sandbox.callback-secret:}") String callbackSecret) {
        this.latency = latency;
        this.slowCall = slowCall;
        this.pendingFor = pendingFor;
        this.returnedAfter = returnedAfter;
        this.callbackSecret = callbackSecret.isBlank() ? randomSecret() : callbackSecret;
    }

    Duration latency() {
        return latency;
    }

    Duration slowCall() {
        return slowCall;
    }

    Duration pendingFor() {
        return pendingFor;
    }

    Duration returnedAfter() {
        return returnedAfter;
    }

    public String callbackSecret() {
        return callbackSecret;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
