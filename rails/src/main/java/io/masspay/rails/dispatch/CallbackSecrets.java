package io.masspay.rails.dispatch;

import io.masspay.kernel.payout.SendMethod;

import java.util.Optional;

/** The secret each rail signs its callbacks with; a rail without one cannot call back (every callback is 401). */
public interface CallbackSecrets {

    Optional<String> of(SendMethod method);
}
