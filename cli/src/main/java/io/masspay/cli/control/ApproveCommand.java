package io.masspay.cli.control;

import picocli.CommandLine.Command;

/** {@code masspay approve BATCH_ID}: POST .../BatchTransfer/{BatchId}/Approve with an approver's token. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Release a batch that awaits approval: processing starts (or waits for its ScheduledFor).",
                "Needs an approver credential of the issuer, not the one that submitted the batch."})
public final class ApproveCommand extends BatchControlCommand {

    @Override
    String action() {
        return "Approve";
    }

    @Override
    String outcome() {
        return "approved";
    }
}
