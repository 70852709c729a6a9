package io.masspay.command.batch.intake;

import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs rules the way {@link BatchIntake} does (first failing rule wins) and checks the row's expectation. */
final class FirstRejection {

    private FirstRejection() {
    }

    static Optional<RejectedItem> of(List<ItemRule> rules, ItemRequest item, IntakeContext context) {
        List<RejectedItem> rejected = new ArrayList<>();
        List<ItemRequest> passed = BatchIntake.apply(rules, List.of(item), context, rejected);
        assertThat(passed.size() + rejected.size()).as("an item either passes or is rejected once").isEqualTo(1);
        return rejected.stream().findFirst();
    }

    /** {@code code == null}: the item passes. */
    static void assertOutcome(String edge, Optional<RejectedItem> rejection, String field, ErrorCode code) {
        if (code == null) {
            assertThat(rejection).as(edge).isEmpty();
            return;
        }
        assertThat(rejection).as(edge).isPresent();
        assertThat(rejection.get().field()).as(edge).isEqualTo(field);
        assertThat(rejection.get().errorCode()).as(edge).isEqualTo(code);
    }
}
