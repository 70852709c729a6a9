package io.masspay.infra.axon;

import io.masspay.infra.support.MassPayIntegrationTest;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's handler and unit-of-work timeouts stay off (application.yml, {@code axon.timeout.enabled}): each
 * walks the thread's stack and schedules a warning on every handler invocation, a quarter of the CPU of a
 * wallet batch (README, "Benchmark"). Axon switches them on by default, so a lost property would pass
 * every other test and only show as a slower product.
 */
@MassPayIntegrationTest
class HandlerTimeoutsIT {

    @Autowired
    ApplicationContext context;

    @Test
    void shouldNotTimeEveryHandlerInvocation() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(context.containsBean("axonTimeoutConfigurerModule")).isFalse();
    }
}
