package io.masspay.infra.security;

import io.masspay.infra.limits.IssuerRateLimits;
import io.masspay.infra.limits.RetryAfter;
import io.masspay.infra.limits.TooManyRequests;
import io.masspay.infra.web.ErrorWriter;
import io.masspay.kernel.error.ErrorCode;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import java.util.List;

/**
 * Stateless bearer authentication on {@code /API/**}: 401 UNAUTHORIZED for a missing, unknown, expired or
 * forged token, 403 FORBIDDEN when the token's kind may not call the path (issuers never reach /Admin,
 * the operator never acts as an issuer). {@code /oAuth/token} authenticates its clients itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String RAIL_CALLBACKS = "/API/v4/Rails/*/Callbacks";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, BearerTokenAuthentication bearer,
                                                  ErrorWriter errors, IssuerRateLimits rateLimits,
                                                  TooManyRequests tooMany) {
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(bearer);
        authentication.setServerAuthenticationConverter(bearer);
        // Bearer tokens are read on the API only: /oAuth/token must answer a client that has none yet, and a
        // rail provider's callback proves itself by its body's signature (RailCallbacks), not by a token.
        ServerWebExchangeMatcher railCallbacks = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, RAIL_CALLBACKS);
        authentication.setRequiresAuthenticationMatcher(new AndServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers("/API/**", "/actuator/**"),
                new NegatedServerWebExchangeMatcher(railCallbacks)));
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationFailureHandler((exchange, failure) -> failure instanceof AuthenticationThrottled throttled
                ? tooMany.write(exchange.getExchange(), RetryAfter.seconds(throttled.retryAfter()),
                        "Too many failed authentications; retry after the time in Retry-After")
                : errors.write(exchange.getExchange(), 401, ErrorCode.UNAUTHORIZED, "Missing, unknown or expired token",
                        List.of()));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                // after authorization: only an issuer's permitted calls spend its budget (API.md section 10)
                .addFilterAfter(rateLimits::filter, SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(paths -> paths
                        .matchers(railCallbacks).permitAll()
                        .pathMatchers("/API/v4/Admin/**").hasRole(BearerTokenAuthentication.OPERATOR)
                        .pathMatchers("/API/**").hasRole(BearerTokenAuthentication.ISSUER)
                        // health answers anyone with its status only (details need the operator token,
                        // management.endpoint.health.roles); every other actuator endpoint is the operator's
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole(BearerTokenAuthentication.OPERATOR)
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, denied) -> errors.write(exchange, 401,
                                ErrorCode.UNAUTHORIZED, "Missing, unknown or expired token", List.of()))
                        .accessDeniedHandler((exchange, denied) -> errors.write(exchange, 403,
                                ErrorCode.FORBIDDEN, "This token may not call this path", List.of())))
                .build();
    }
}
