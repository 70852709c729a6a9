package io.masspay.command.batch.dryrun;

import io.masspay.kernel.error.ErrorCode;

import java.util.List;

/**
 * The 200 body of a dry run (API.md section 11): the fields of a real submission's answer (section 2), with
 * nothing reserved (no BatchId or TransactionId of a new batch, no generated CustomerBatchId), plus each accepted
 * item's forecast and the totals per forecast outcome.
 */
public record DryRunReceipt(String batchId, String customerBatchId, String status, int receivedCount,
                            int acceptedCount, List<DryRunAccepted> accepted, List<DryRunRejected> rejected,
                            ForecastTotals forecastTotals, String note) {

    public static final String STATUS = "DryRun";

    /**
     * {@code forecast} is null for an item a retried batch already holds. Named apart from the submission's
     * {@code Accepted}: the OpenAPI document names schemas by simple class name.
     */
    public record DryRunAccepted(String customerTransactionId, String transactionId, String recipientId, String status,
                           Integer attemptNo, Forecast.Outcome forecast, ErrorCode forecastErrorCode) {
    }

    public record DryRunRejected(String customerTransactionId, ErrorCode errorCode, String field, String message) {
    }

    /** Per outcome, the items and their money; the wallet's balance before and after, in the batch currency. */
    public record ForecastTotals(String currency, String balance, ForecastTotal success, ForecastTotal retainedInWallet,
                                 ForecastTotal failed, String balanceAfter) {

        public static ForecastTotals of(BatchForecast forecast) {
            return new ForecastTotals(forecast.balance().currency().name(), forecast.balance().toDecimalString(),
                    ForecastTotal.of(forecast.tallies().get(Forecast.Outcome.Success)),
                    ForecastTotal.of(forecast.tallies().get(Forecast.Outcome.RetainedInWallet)),
                    ForecastTotal.of(forecast.tallies().get(Forecast.Outcome.Failed)), forecast.after().toDecimalString());
        }
    }

    public record ForecastTotal(int count, String amount) {

        static ForecastTotal of(BatchForecast.Tally tally) {
            return new ForecastTotal(tally.count(), tally.amount().toDecimalString());
        }
    }
}
