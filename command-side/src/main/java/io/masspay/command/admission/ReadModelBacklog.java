package io.masspay.command.admission;

/**
 * How far the read models are behind the event store, for admission and the bulk lane's pace (ADR 0020).
 * Implemented where the read models' positions are known (the application module).
 */
public interface ReadModelBacklog {

    /**
     * Stored events that the slowest read model has not projected yet; 0 when that cannot be known or is not
     * worth waiting for (the read models are being rebuilt or have not started).
     */
    long events();
}
