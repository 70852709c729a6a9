package io.masspay.rails.http;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailConnectors;
import io.masspay.rails.RailGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Arrays;
import java.util.List;

/**
 * An HTTP connector for every rail send method with a {@code masspay.rails.http.<SendMethodId>.base-url};
 * the others stay on the sandbox. Read from the plain {@link Environment}, so the rails module needs no
 * Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
class HttpRailsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HttpRailsConfiguration.class);

    @Bean
    RailConnectors httpRails(Environment environment) {
        List<RailGateway> rails = Arrays.stream(SendMethod.values())
                .filter(method -> !method.isWallet())
                .flatMap(method -> HttpRailSettings.from(environment, method).stream())
                .map(HttpRailsConfiguration::connect)
                .toList();
        return () -> rails;
    }

    private static RailGateway connect(HttpRailSettings settings) {
        log.info("{} pays out over HTTP: {}", settings.method(), settings);
        return new HttpRail(settings);
    }
}
