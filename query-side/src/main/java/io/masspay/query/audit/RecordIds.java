package io.masspay.query.audit;

import java.lang.reflect.RecordComponent;

/** Reads an id-typed record component of an event as its bare value (ids print as their value). */
final class RecordIds {

    private RecordIds() {
    }

    /** Null when the event has no such component or it holds none. */
    static String value(RecordComponent component, Object event) {
        if (component == null) {
            return null;
        }
        try {
            Object id = component.getAccessor().invoke(event);
            return id == null ? null : id.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component + " of " + event.getClass(), e);
        }
    }
}
