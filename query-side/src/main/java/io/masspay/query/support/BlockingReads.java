package io.masspay.query.support;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.Callable;

/** JDBC is blocking: every read runs on Reactor's bounded elastic pool, never on an event-loop thread. */
public final class BlockingReads {

    private BlockingReads() {
    }

    public static <T> Mono<T> read(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }

    public static <T> Mono<T> readOptional(Callable<Optional<T>> query) {
        return read(query).flatMap(Mono::justOrEmpty);
    }
}
