package io.masspay.command.web;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/**
 * Runs blocking work (a command through Axon's synchronous command bus, JDBC) off the event loop.
 * The command bus runs the handler in the calling thread, so this is where that thread comes from.
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
