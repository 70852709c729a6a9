package io.masspay.rails;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.sandbox.SandboxRails;
import io.masspay.rails.sandbox.SandboxSwitch;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** What the rails can tell of a payout before it is made (a dry run's forecast, API.md section 11). */
@Component
public class RailOutlook {

    private final RailRegistry rails;
    private final SandboxRails sandbox;
    private final SandboxSwitch switches;

    RailOutlook(RailRegistry rails, SandboxRails sandbox, SandboxSwitch switches) {
        this.rails = rails;
        this.sandbox = sandbox;
        this.switches = switches;
    }

    /** The operator's switches read once, for every item of one forecast. */
    public Known now() {
        return new Known(rails, Set.copyOf(sandbox.gateways()), switches.down());
    }

    public record Known(RailRegistry rails, Set<RailGateway> sandboxes, Set<SendMethod> switchedDown) {

        /**
         * A method without a rail, or whose sandbox rail is switched down, is unavailable on every call and ends
         * {@code PROVIDER_UNAVAILABLE} once its attempt times out, unless the rail comes back first.
         */
        public Optional<ErrorCode> failure(SendMethod method, Money amount) {
            Optional<RailGateway> rail = rails.of(method);
            if (rail.isEmpty() || sandboxes.contains(rail.get()) && switchedDown.contains(method)) {
                return Optional.of(ErrorCode.PROVIDER_UNAVAILABLE);
            }
            return rail.get().knownFailure(amount);
        }
    }
}
