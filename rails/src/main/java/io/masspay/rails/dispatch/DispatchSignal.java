package io.masspay.rails.dispatch;

import org.springframework.stereotype.Component;

/**
 * Wakes this node's dispatcher when there is likely work (new payouts committed, a call answered), so it
 * need not wait for its next poll; the poll still finds what other nodes added.
 */
@Component
class DispatchSignal {

    private volatile Runnable listener = () -> {
    };

    void onWake(Runnable listener) {
        this.listener = listener;
    }

    void wake() {
        listener.run();
    }
}
