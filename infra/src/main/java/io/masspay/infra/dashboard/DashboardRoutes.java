package io.masspay.infra.dashboard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The dashboard's page at {@code /dashboard/}. Its scripts and styles are plain static resources
 * ({@code static/dashboard/}); WebFlux serves a directory's index.html only at the root, so the page itself
 * needs a route. It is public, like every static file: the token is typed in the page and sent on each
 * API call, the API alone decides what it may see.
 */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes {

    /**
     * Everything the page loads comes from this server, no inline script or style, no framing: a value
     * slipped into the page by an API field can neither run nor phone home.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    @Bean
    RouterFunction<ServerResponse> dashboardPage(@Value("classpath:static/dashboard/index.html") Resource page) {
        return route(GET("/dashboard"), request -> ServerResponse.permanentRedirect(URI.create("/dashboard/")).build())
                .andRoute(GET("/dashboard/"), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .bodyValue(page)); // headers: DashboardHeaders, for every dashboard resource
    }
}
