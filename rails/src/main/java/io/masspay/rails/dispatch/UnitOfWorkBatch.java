package io.masspay.rails.dispatch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Items gathered while the current unit of work runs and handed to {@code flush} once, just before it
 * commits, in its transaction; {@code afterCommit} runs once it has committed.
 */
final class UnitOfWorkBatch<T> {

    private final String key;
    private final Consumer<List<T>> flush;
    private final Runnable afterCommit;

    UnitOfWorkBatch(String name, Consumer<List<T>> flush, Runnable afterCommit) {
        this.key = UnitOfWorkBatch.class.getName() + "." + name;
        this.flush = flush;
        this.afterCommit = afterCommit;
    }

    void add(T item) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<List<T>>getOrComputeResource(key, k -> {
            List<T> items = new ArrayList<>();
            root.onPrepareCommit(unit -> flush.accept(items));
            root.afterCommit(unit -> afterCommit.run());
            return items;
        }).add(item);
    }
}
