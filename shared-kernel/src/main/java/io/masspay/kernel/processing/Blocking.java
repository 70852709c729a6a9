package io.masspay.kernel.processing;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The one way blocking work leaves the event loop, for every module's web layer: a command through Axon's
 * synchronous command bus (the handler runs in the calling thread, so this is where that thread comes from),
 * a JDBC read or write, a password hash. It runs on Reactor's bounded elastic pool, never on a Netty thread.
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    /** An empty answer becomes an empty {@link Mono} (a 404 where the controller maps it so). */
    public static <T> Mono<T> callOptional(Callable<Optional<T>> work) {
        return call(work).flatMap(Mono::justOrEmpty);
    }
}
