package io.masspay.infra.axon;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A failing event handler must stop its segment and retry, never skip the event: Axon's default
 * (log and continue) would silently leave an item unpaid or a read model wrong. Propagating the error
 * rolls the batch back; the processor backs off and tries again from the same token.
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    @Autowired
    void propagateHandlerErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
