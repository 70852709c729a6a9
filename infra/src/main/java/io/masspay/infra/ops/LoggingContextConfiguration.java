package io.masspay.infra.ops;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Every event processor (sagas included) and the command bus handle messages inside {@link LoggingContext}. */
@Configuration(proxyBeanMethods = false)
class LoggingContextConfiguration {

    private static final LoggingContext CONTEXT = new LoggingContext();

    @Autowired
    void onEveryEventProcessor(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> CONTEXT);
    }

    @Autowired
    void onTheCommandBus(CommandBus commands) {
        commands.registerHandlerInterceptor(CONTEXT);
    }
}
