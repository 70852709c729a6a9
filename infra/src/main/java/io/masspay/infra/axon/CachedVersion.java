package io.masspay.infra.axon;

import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.reflect.Field;

/**
 * The version an aggregate had when Axon cached it. {@link AggregateCacheEntry} keeps it in a private
 * field with no getter; read it reflectively, resolved once at startup so an Axon upgrade that renames
 * it fails the first test instead of silently trusting stale entries ({@code BoundedCacheTest}).
 */
final class CachedVersion {

    private static final Field VERSION = versionField();

    private CachedVersion() {
    }

    static Long of(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry no longer has a 'version' field", e);
        }
    }
}
