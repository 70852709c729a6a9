package io.masspay.command.batch.dryrun;

import io.masspay.kernel.error.ErrorCode;

/**
 * What a dry run foresees for one item: the item Status it would end in (API.md section 3), with the runtime
 * ErrorCode when that is not {@code Success}.
 */
public record Forecast(Outcome outcome, ErrorCode errorCode) {

    public enum Outcome { Success, RetainedInWallet, Failed }

    static final Forecast SUCCESS = new Forecast(Outcome.Success, null);
    static final Forecast NOT_ENOUGH_FUNDS = new Forecast(Outcome.Failed, ErrorCode.INSUFFICIENT_FUNDS_RUNTIME);

    static Forecast retained(ErrorCode railFailure) {
        return new Forecast(Outcome.RetainedInWallet, railFailure);
    }
}
