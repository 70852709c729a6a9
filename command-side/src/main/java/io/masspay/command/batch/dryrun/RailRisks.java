package io.masspay.command.batch.dryrun;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;

import java.util.Optional;

/**
 * What the rails can tell of a payout before it is made, for a dry run. The command side does not know the
 * rails (module graph); infra implements this port over them.
 */
public interface RailRisks {

    /** The rails' state read once for one dry run (which rail is switched down), then asked per item. */
    Outlook now();

    @FunctionalInterface
    interface Outlook {

        /** The failure this method's rail is known to give a payout of this amount, if one is known. */
        Optional<ErrorCode> knownFailure(SendMethod method, Money amount);
    }
}
