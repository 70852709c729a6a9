package io.masspay.rails.http;

import io.masspay.kernel.payout.RailOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

/**
 * What a provider's HTTP answer means for the payout. Only a 5xx is an error (so that the connector
 * retries it); every other status is an answer, and a 4xx is never worth sending again.
 */
final class ProviderResponses {

    /** The provider failed on its side; the same call may well succeed a moment later. */
    static final class ServerError extends RuntimeException {
        ServerError(HttpStatusCode status) {
            super("provider answered " + status.value());
        }
    }

    private ProviderResponses() {
    }

    static Mono<RailOutcome> outcomeOf(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        if (status.is5xxServerError()) {
            return response.releaseBody().then(Mono.error(new ServerError(status)));
        }
        if (status.is2xxSuccessful() || status.isSameCodeAs(HttpStatus.CONFLICT)) {
            // a 409 means this key is already known to the provider: its body says how far it got
            return statusIn(response);
        }
        if (status.isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
            // throttled, not refused: the saga calls again later with the same key
            return answer(response, RailOutcome.Unavailable);
        }
        if (status.is4xxClientError()) {
            return answer(response, RailOutcome.Declined);
        }
        // a redirect or an informational status is no answer to a payout; nothing is known to be paid
        return answer(response, RailOutcome.Unavailable);
    }

    /**
     * A status that is missing, unreadable or not final (in progress) is Unavailable, so the saga asks
     * again later with the same key and the provider then reports what it did.
     */
    private static Mono<RailOutcome> statusIn(ClientResponse response) {
        return response.bodyToMono(ProviderAnswer.class)
                .flatMap(answer -> Mono.justOrEmpty(answer.outcome()))
                .onErrorResume(unreadable -> Mono.empty())
                .defaultIfEmpty(RailOutcome.Unavailable);
    }

    private static Mono<RailOutcome> answer(ClientResponse response, RailOutcome outcome) {
        return response.releaseBody().thenReturn(outcome);
    }
}
