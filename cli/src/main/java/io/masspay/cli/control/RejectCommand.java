package io.masspay.cli.control;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code masspay reject BATCH_ID --reason TEXT}: POST .../BatchTransfer/{BatchId}/Reject {"Reason": TEXT}. */
@Command(name = "reject", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reject a batch that awaits approval: every item fails CANCELLED, nothing is debited.",
                "Needs an approver credential of the issuer, not the one that submitted the batch."})
public final class RejectCommand extends BatchControlCommand {

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why, 1..500 characters; kept in the batch's audit stream and sent with the Batch.Rejected webhook.")
    String reason;

    @Override
    String action() {
        return "Reject";
    }

    @Override
    String outcome() {
        return "rejected";
    }

    @Override
    String reason() {
        return reason;
    }
}
