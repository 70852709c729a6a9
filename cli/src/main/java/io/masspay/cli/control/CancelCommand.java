package io.masspay.cli.control;

import picocli.CommandLine.Command;

/** {@code masspay cancel BATCH_ID}: POST .../BatchTransfer/{BatchId}/Cancel with any credential of the issuer. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a batch that is Scheduled or AwaitingApproval: every item fails CANCELLED, nothing is "
                + "debited.", "Once processing started the service refuses (409 BATCH_NOT_CANCELLABLE, exit 5)."})
public final class CancelCommand extends BatchControlCommand {

    @Override
    String action() {
        return "Cancel";
    }

    @Override
    String outcome() {
        return "cancelled";
    }
}
