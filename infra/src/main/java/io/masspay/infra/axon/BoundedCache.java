package io.masspay.infra.axon;

import io.masspay.command.walletfirst.CachedAggregates;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A strong, bounded, least-recently-used cache for aggregates. Axon's weak-reference cache loses its
 * entries to the garbage collector between a submission and its processing, so every step reloaded
 * every stream (docs/DESIGN.md, "Platform notes": 700 vs 2,900 items/s).
 *
 * <p>With several nodes on one database an entry can be stale: another node appended to the stream.
 * A stale aggregate that appends is refused by the event store (unique aggregate and sequence number),
 * the unit of work rolls back and Axon evicts the entry. But a stale aggregate that decides to do
 * nothing is never refused: a {@code Transaction} that does not know attempt 2 yet ignores attempt 2's
 * {@code CompleteItem}, and the item would stay Processing for ever (ADR 0010). So, unless
 * {@code masspay.aggregates.verify-cached-version=false} (one node only), a hit is used only if the
 * stream's last sequence number in the store is still the cached version: one index-only query instead
 * of reading and replaying the stream. A chunk of payments checks all its aggregates in one query first
 * ({@link #verify}); within that unit of work their hits are then used as they are.
 */
public class BoundedCache implements Cache, CachedAggregates {

    private static final String VERIFIED = BoundedCache.class.getName() + ".verified";

    private final Map<Object, Object> entries;
    private final StoredVersions stored;

    /** A cache that trusts its entries: right only when this node is the one writer of the event store. */
    public BoundedCache(int maxEntries) {
        this(maxEntries, null);
    }

    /** @param stored the event store's versions to check hits against; null to trust every hit */
    public BoundedCache(int maxEntries, StoredVersions stored) {
        this.stored = stored;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (this) {
            entry = entries.get(key);
        }
        if (entry == null || stored == null || !(entry instanceof AggregateCacheEntry<?> aggregate)) {
            return (V) entry;
        }
        if (verifiedInThisUnitOfWork(key)) {
            return (V) entry;
        }
        Long current = stored.lastSequenceNumber(String.valueOf(key));
        if (!Objects.equals(current, CachedVersion.of(aggregate))) {
            synchronized (this) {
                entries.remove(key, entry);
            }
            return null;
        }
        return (V) entry;
    }

    @Override
    public void verify(Collection<String> aggregateIdentifiers) {
        if (stored == null || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        Map<String, Object> cached = new HashMap<>();
        synchronized (this) {
            for (String id : aggregateIdentifiers) {
                Object entry = entries.get(id);
                if (entry instanceof AggregateCacheEntry<?>) {
                    cached.put(id, entry);
                }
            }
        }
        if (cached.isEmpty()) {
            return;
        }
        Map<String, Long> current = stored.lastSequenceNumbers(cached.keySet());
        Set<String> verified = CurrentUnitOfWork.get().root().getOrComputeResource(VERIFIED, k -> new HashSet<>());
        cached.forEach((id, entry) -> {
            if (Objects.equals(current.get(id), CachedVersion.of((AggregateCacheEntry<?>) entry))) {
                verified.add(id);
            } else {
                synchronized (this) {
                    entries.remove(id, entry);
                }
            }
        });
    }

    private static boolean verifiedInThisUnitOfWork(Object key) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Set<String> verified = CurrentUnitOfWork.get().root().getResource(VERIFIED);
        return verified != null && verified.contains(String.valueOf(key));
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nothing listens to aggregate cache events here; sagas use Axon's own saga store without a cache. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }
}
