package io.masspay.rails.http;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailConnectors;
import io.masspay.rails.RailGateway;
import io.masspay.rails.dispatch.CallbackSecrets;
import io.masspay.rails.sandbox.SandboxSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An HTTP connector for every rail send method with a {@code masspay.rails.http.<SendMethodId>.base-url};
 * the others stay on the sandbox. Read from the plain {@link Environment}, so the rails module needs no
 * Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
class HttpRailsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HttpRailsConfiguration.class);

    /** The connectors themselves; their connection pools close with the context. */
    record HttpRails(List<HttpRail> all) implements DisposableBean {
        @Override
        public void destroy() {
            all.forEach(HttpRail::close);
        }
    }

    @Bean
    HttpRails httpRailSet(Environment environment) {
        return new HttpRails(Arrays.stream(SendMethod.values())
                .filter(method -> !method.isWallet())
                .flatMap(method -> HttpRailSettings.from(environment, method).stream())
                .map(HttpRailsConfiguration::connect)
                .toList());
    }

    @Bean
    RailConnectors httpRails(HttpRails connectors) {
        List<RailGateway> rails = List.copyOf(connectors.all());
        return () -> rails;
    }

    /** A rail with an HTTP connector is called back with its own secret; the sandbox signs with its own. */
    @Bean
    CallbackSecrets callbackSecrets(HttpRails connectors, SandboxSettings sandbox) {
        Map<SendMethod, HttpRail> connected = connectors.all().stream()
                .collect(Collectors.toMap(HttpRail::method, Function.identity()));
        return method -> connected.containsKey(method)
                ? Optional.ofNullable(connected.get(method).callbackSecret())
                : Optional.of(sandbox.callbackSecret());
    }

    private static HttpRail connect(HttpRailSettings settings) {
        log.info("{} pays out over HTTP: {}", settings.method(), settings);
        return new HttpRail(settings);
    }
}
