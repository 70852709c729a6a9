package io.masspay.infra.web;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.security.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Gives controllers the issuer their token is bound to, as a {@link Caller} parameter. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(Caller.class::isInstance)
                .cast(Object.class)
                .switchIfEmpty(Mono.error(() -> new MassPayException(ErrorCode.FORBIDDEN,
                        "This call needs an issuer token")));
    }
}
