package io.masspay.kernel.transaction;

import java.util.List;

/**
 * Rail answers gathered by the dispatcher, recorded in one unit of work and one transaction: answers cost
 * transactions per batch of answers, not per item (ADR 0013).
 */
public record RecordRailAnswers(List<RailAnswer> answers) {

    public RecordRailAnswers {
        answers = List.copyOf(answers);
    }
}
