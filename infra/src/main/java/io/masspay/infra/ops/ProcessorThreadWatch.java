package io.masspay.infra.ops;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Puts every pooled processor's coordinator on a {@link WatchedCoordinatorExecutor} and every event handler
 * behind an interceptor that reports an {@link Error} it lets out (an out-of-memory error in a handler kills
 * the work package's task on a worker thread, silently). Both tell {@link ProcessorThreads}, which the
 * {@code eventProcessors} health reads.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProcessorThreadWatch {

    @Autowired
    void watchEventHandlers(EventProcessingConfigurer processing, ProcessorThreads threads) {
        processing.registerDefaultHandlerInterceptor((config, processor) -> errorsReportedTo(processor, threads));
    }

    /**
     * The coordinator executors, for the one default configuration of pooled processors (registering a second
     * default would replace the first: SegmentShareConfiguration applies this one).
     */
    public static Function<String, ScheduledExecutorService> watchedCoordinators(Configuration config,
                                                                                ProcessorThreads threads) {
        return name -> {
            ScheduledExecutorService coordinator = new WatchedCoordinatorExecutor(name, threads);
            config.onShutdown(coordinator::shutdown);
            return coordinator;
        };
    }

    private static MessageHandlerInterceptor<EventMessage<?>> errorsReportedTo(String processor,
                                                                            ProcessorThreads threads) {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Error error) {
                threads.died(processor, Thread.currentThread().getName(), error);
                throw error;
            }
        };
    }
}
