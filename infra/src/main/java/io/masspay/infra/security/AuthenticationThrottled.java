package io.masspay.infra.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed authentications under this address or credential: answered 429, not 401. */
class AuthenticationThrottled extends AuthenticationException {

    private final Duration wait;

    AuthenticationThrottled(Duration wait) {
        super("Too many failed authentications");
        this.wait = wait;
    }

    Duration retryAfter() {
        return wait;
    }
}
