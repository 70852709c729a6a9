package io.masspay.command.payout;

import io.masspay.command.walletfirst.CachedAggregates;
import io.masspay.kernel.transaction.ConfirmPayout;
import io.masspay.kernel.transaction.FailPayout;
import io.masspay.kernel.transaction.RailAnswer;
import io.masspay.kernel.transaction.RecordPayoutPending;
import io.masspay.kernel.transaction.RecordRailAnswers;
import io.masspay.kernel.transaction.ReturnPayout;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Records a batch of rail answers on their items, in the one unit of work (and transaction) the dispatcher
 * opened for them: each answer becomes the command of its item's {@code Transaction}, which alone decides
 * whether it still applies. The items' cached aggregates are checked against the store in one query first,
 * as a payments chunk does.
 */
@Component
class RailAnswers {

    private final CommandGateway commands;
    private final CachedAggregates cached;

    RailAnswers(CommandGateway commands, CachedAggregates cached) {
        this.commands = commands;
        this.cached = cached;
    }

    /** @return the keys of late payments that must wait (their item is still under way); asked again later */
    @CommandHandler
    List<String> handle(RecordRailAnswers command) {
        cached.verify(command.answers().stream().map(a -> a.transactionId().value()).distinct().toList());
        List<String> waiting = new ArrayList<>();
        for (RailAnswer answer : command.answers()) {
            if (!record(answer)) {
                waiting.add(answer.payoutKey());
            }
        }
        return waiting;
    }

    private boolean record(RailAnswer answer) {
        return switch (answer.kind()) {
            case Paid -> commands.<Boolean>sendAndWait(new ConfirmPayout(answer.transactionId(), answer.attemptNo(),
                    answer.coversAttemptNo()));
            case Refused -> done(new FailPayout(answer.transactionId(), answer.attemptNo(), answer.reason()));
            case Pending -> done(new RecordPayoutPending(answer.transactionId(), answer.attemptNo()));
            case Returned -> done(new ReturnPayout(answer.transactionId(), answer.attemptNo(), answer.returnCode()));
        };
    }

    private boolean done(Object command) {
        commands.sendAndWait(command);
        return true;
    }
}
