package io.masspay.command.walletfirst;

import java.util.Collection;

/**
 * The node's cache of aggregates, seen from a chunk of payments. With several nodes a cached aggregate can be
 * stale; checking each one as a command loads it costs a query per item. A chunk knows up front every
 * aggregate its commands will load, so it asks for them all at once: one query, and stale copies are dropped.
 */
public interface CachedAggregates {

    /**
     * Checks the cached copies of these aggregates against the event store in one go; for the rest of the
     * current unit of work the ones found current are used without another check, stale ones are reloaded.
     */
    void verify(Collection<String> aggregateIdentifiers);
}
