package io.masspay.kernel.processing;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What handlers gather while one unit of work runs (a processor's batch of events, a command), handed to
 * {@code flush} once, just before that unit of work commits, in its transaction; {@code afterCommit}, if given,
 * runs once it has committed. This is how the processors here write a batch of events in a few statements
 * instead of one per event. The buffer belongs to the root unit of work, so nested ones (a command sent from a
 * handler) add to the same buffer.
 *
 * @param <B> the buffer: a list, a map, a holder, whatever the flush needs
 */
public final class UnitOfWorkBuffer<B> {

    private final String key;
    private final Supplier<B> empty;
    private final Consumer<B> flush;
    private final Runnable afterCommit;

    /** {@code key} names the buffer among the unit of work's resources: unique per buffer (a class name and a purpose). */
    public UnitOfWorkBuffer(String key, Supplier<B> empty, Consumer<B> flush) {
        this(key, empty, flush, null);
    }

    public UnitOfWorkBuffer(String key, Supplier<B> empty, Consumer<B> flush, Runnable afterCommit) {
        this.key = key;
        this.empty = empty;
        this.flush = flush;
        this.afterCommit = afterCommit;
    }

    /** The current unit of work's buffer; the first call in a unit of work creates it and registers its flush. */
    public B current() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            B buffer = empty.get();
            root.onPrepareCommit(unit -> flush.accept(buffer));
            if (afterCommit != null) {
                root.afterCommit(unit -> afterCommit.run());
            }
            return buffer;
        });
    }
}
