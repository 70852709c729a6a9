package io.masspay.rails.http;

import io.masspay.rails.RailReply;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;

/**
 * What a provider's HTTP answer means (API.md section 3, "HTTP connector protocol"). A 2xx, or a 409 for a
 * key it already knows, carries the payout's status in its body; a 429 is a throttle; a 5xx, a refused
 * connection or an endpoint that is not there (404/405/401/403 on the send) says nothing was paid; a 400 or
 * 422 refuses the payout; anything else (a redirect, a timeout, an unreadable body) is no answer, and the
 * same key is asked again.
 */
final class ProviderResponses {

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

    private ProviderResponses() {
    }

    static Mono<RailReply> toSend(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        if (status.isSameCodeAs(HttpStatus.BAD_REQUEST) || status.isSameCodeAs(HttpStatus.UNPROCESSABLE_ENTITY)) {
            return released(response, RailReply.of(RailReply.Kind.Declined));
        }
        return common(response, RailReply.Kind.Unavailable);
    }

    static Mono<RailReply> toStatus(ClientResponse response) {
        return common(response, response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                ? RailReply.Kind.UnknownKey : RailReply.Kind.Unavailable);
    }

    /** A failure before any answer: a connection that was refused sent nothing; anything else may have. */
    static RailReply failed(Throwable failure) {
        if (failure instanceof WebClientRequestException request && request.getCause() instanceof ConnectException) {
            return new RailReply(RailReply.Kind.Unavailable, null, "connection refused");
        }
        if (failure instanceof TimeoutException) {
            return RailReply.unanswered("no answer in time");
        }
        return RailReply.unanswered(failure.getClass().getSimpleName());
    }

    private static Mono<RailReply> common(ClientResponse response, RailReply.Kind other4xx) {
        HttpStatusCode status = response.statusCode();
        if (status.is2xxSuccessful() || status.isSameCodeAs(HttpStatus.CONFLICT)) {
            return response.bodyToMono(ProviderAnswer.class)
                    .flatMap(answer -> Mono.justOrEmpty(answer.kind()))
                    .map(RailReply::of)
                    .onErrorResume(unreadable -> Mono.just(RailReply.unanswered("unreadable body")))
                    .defaultIfEmpty(RailReply.unanswered("no known Status in the body"));
        }
        if (status.isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
            return released(response, new RailReply(RailReply.Kind.Throttled,
                    retryAfter(response.headers().asHttpHeaders().getFirst("Retry-After")), "429"));
        }
        if (status.is5xxServerError()) {
            return released(response, new RailReply(RailReply.Kind.Unavailable, null, "HTTP " + status.value()));
        }
        if (status.is4xxClientError()) {
            return released(response, new RailReply(other4xx, null, "HTTP " + status.value()));
        }
        return released(response, RailReply.unanswered("HTTP " + status.value()));
    }

    /** Seconds or an HTTP date, at most five minutes; null when absent or unreadable (the usual backoff then). */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            Duration wait = header.strip().chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(header.strip()))
                    : Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.strip(),
                    DateTimeFormatter.RFC_1123_DATE_TIME));
            return wait.isNegative() ? Duration.ZERO : wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Mono<RailReply> released(ClientResponse response, RailReply reply) {
        return response.releaseBody().thenReturn(reply);
    }
}
