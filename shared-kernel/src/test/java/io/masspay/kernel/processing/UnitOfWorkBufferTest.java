package io.masspay.kernel.processing;

import net.jqwik.api.Example;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitOfWorkBufferTest {

    private final List<List<String>> flushed = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final UnitOfWorkBuffer<List<String>> buffer = new UnitOfWorkBuffer<>("test", ArrayList::new, batch -> {
        flushed.add(List.copyOf(batch));
        events.add("flush");
    }, () -> events.add("after commit"));

    @Example
    void flushesOnceBeforeCommitWhatTheUnitOfWorkAndItsNestedOnesGathered() {
        DefaultUnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        buffer.current().add("a");
        DefaultUnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        buffer.current().add("b");
        nested.commit();
        root.onCommit(unit -> events.add("commit"));
        buffer.current().add("c");
        root.commit();

        assertThat(flushed).containsExactly(List.of("a", "b", "c"));
        assertThat(events).containsExactly("flush", "commit", "after commit");
    }

    @Example
    void flushesNothingWhenTheUnitOfWorkRollsBack() {
        DefaultUnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        buffer.current().add("a");
        root.rollback();

        assertThat(flushed).isEmpty();
        assertThat(events).isEmpty();
    }

    @Example
    void startsEmptyInEachUnitOfWork() {
        DefaultUnitOfWork<?> first = DefaultUnitOfWork.startAndGet(null);
        buffer.current().add("a");
        first.commit();
        DefaultUnitOfWork<?> second = DefaultUnitOfWork.startAndGet(null);
        buffer.current().add("b");
        second.commit();

        assertThat(flushed).containsExactly(List.of("a"), List.of("b"));
    }
}
