package io.masspay.infra.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code eventProcessors} in {@code /actuator/health}: the service is only healthy while the processors
 * that pay items, keep the read models and feed the webhook outbox are working. A streaming processor
 * whose coordinator backs off after a failure (the database is unreachable, a handler keeps failing) or
 * that has a segment in error makes it DOWN; one that is not running (starting, stopped, reset by a
 * rebuild) makes it OUT_OF_SERVICE. Both answer 503. A processor that lost its coordinator or a worker to an
 * error nothing caught (an out-of-memory error, say: {@link ProcessorThreads}) is DOWN for good, although Axon
 * still reports it running. Nothing here touches the database.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorThreads threads;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ProcessorThreads threads) {
        this.processing = processing;
        this.threads = threads;
    }

    @Override
    public Health health() {
        Status overall = Status.UP;
        Map<String, Object> details = new TreeMap<>();
        Map<String, String> dead = threads.dead();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                details.put(entry.getKey(), Map.of("status", entry.getValue().isRunning() ? "UP" : "OUT_OF_SERVICE"));
                continue;
            }
            String lost = dead.get(entry.getKey());
            Status status = lost != null ? Status.DOWN : statusOf(processor);
            Map<String, Object> detail = describe(processor, status);
            if (lost != null) {
                detail.put("lostThread", lost);
            }
            details.put(entry.getKey(), detail);
            overall = worse(overall, status);
        }
        return Health.status(overall).withDetails(details).build();
    }

    static Status statusOf(StreamingEventProcessor processor) {
        boolean segmentInError = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
        if (processor.isError() || segmentInError) {
            return Status.DOWN;
        }
        return processor.isRunning() ? Status.UP : Status.OUT_OF_SERVICE;
    }

    private static Map<String, Object> describe(StreamingEventProcessor processor, Status status) {
        Map<String, EventTrackerStatus> segments = new TreeMap<>();
        processor.processingStatus().forEach((segment, tracker) -> segments.put(String.valueOf(segment), tracker));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", status.getCode());
        detail.put("running", processor.isRunning());
        detail.put("error", processor.isError());
        detail.put("claimedSegments", segments.size());
        detail.put("segmentsInError", segments.values().stream().filter(EventTrackerStatus::isErrorState).count());
        return detail;
    }

    private static Status worse(Status a, Status b) {
        if (a == Status.DOWN || b == Status.DOWN) {
            return Status.DOWN;
        }
        return a == Status.OUT_OF_SERVICE || b == Status.OUT_OF_SERVICE ? Status.OUT_OF_SERVICE : Status.UP;
    }
}
