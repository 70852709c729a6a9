package io.masspay.infra.dashboard;

import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the dashboard's Content-Security-Policy was set on {@code /dashboard/} but not on
 * {@code /dashboard/index.html}, the same page at another address. Every dashboard resource carries it now.
 */
@MassPayIntegrationTest
class DashboardHeadersIT {

    @Autowired
    WebTestClient http;

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard/", "/dashboard/index.html", "/dashboard/dashboard.css", "/dashboard/no-such-file"})
    void shouldSendTheContentSecurityPolicyWithEveryDashboardResource(String path) {
        http.get().uri(path).exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'"))
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }
}
