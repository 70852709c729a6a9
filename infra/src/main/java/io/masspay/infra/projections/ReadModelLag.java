package io.masspay.infra.projections;

import io.masspay.command.admission.ReadModelBacklog;
import io.masspay.infra.projections.ReadModelPositions.Snapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The read models' backlog in events: the store's head minus the lowest position of every read model's
 * segments (ADR 0020). Admission and the bulk lane pace themselves by it; operators see it as
 * {@code masspay.reads.backlog.events}. Read fresh at every call (one indexed query for the head, the
 * positions from memory): an admission decided on a figure from before the previous append would let two
 * large appends through.
 */
@Component
class ReadModelLag implements ReadModelBacklog {

    private final ReadModelPositions positions;

    ReadModelLag(ReadModelPositions positions, MeterRegistry registry) {
        this.positions = positions;
        Gauge.builder("masspay.reads.backlog.events", this, ReadModelLag::events)
                .description("Stored events the slowest read model has not projected yet")
                .register(registry);
    }

    @Override
    public long events() {
        Snapshot snapshot = positions.snapshot();
        if (snapshot.rebuilding() || snapshot.lowest() < 0) {
            // a replay starts from the first event, and before any processor has started nothing is known:
            // neither is a backlog that admission could wait out
            return 0;
        }
        return Math.max(0, positions.head() - snapshot.lowest());
    }
}
