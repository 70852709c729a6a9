package io.masspay.rails.http;

import io.masspay.kernel.payout.PayOut;
import io.masspay.kernel.payout.RailOutcome;
import io.masspay.kernel.payout.RailResponse;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A payout provider reached with JSON over HTTP: {@code POST {base-url}/payouts} with the payout's
 * idempotency key. A 5xx, a timeout or a failed connection is tried again, a few times with a short
 * backoff and always with the same key, so the provider pays at most once; then the rail is
 * Unavailable and the saga's own, longer retries take over.
 */
final class HttpRail implements RailGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpRail.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final HttpRailSettings settings;
    private final WebClient provider;

    HttpRail(HttpRailSettings settings) {
        this.settings = settings;
        // A builder of our own, not the application's: the wire format is the provider's, not our API's.
        this.provider = WebClient.builder()
                .baseUrl(settings.baseUrl())
                .defaultHeaders(headers -> {
                    if (settings.apiKey() != null) {
                        headers.setBearerAuth(settings.apiKey());
                    }
                })
                .build();
    }

    @Override
    public SendMethod method() {
        return settings.method();
    }

    /** Blocks the calling saga thread, never an event loop: sagas run on Axon's processor threads. */
    @Override
    public RailResponse payOut(PayOut request) {
        RailOutcome outcome = provider.post().uri("/payouts")
                .header("Idempotency-Key", request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(ProviderPayout.of(request))
                .exchangeToMono(ProviderResponses::outcomeOf)
                .timeout(settings.timeout())
                .retryWhen(Retry.backoff(settings.maxAttempts() - 1L, settings.firstBackoff())
                        .maxBackoff(MAX_BACKOFF)
                        .filter(HttpRail::mayHaveBeenTransient))
                .onErrorResume(failure -> unavailable(request, failure))
                .block();
        return new RailResponse(outcome);
    }

    private static boolean mayHaveBeenTransient(Throwable failure) {
        return failure instanceof ProviderResponses.ServerError
                || failure instanceof TimeoutException
                || failure instanceof WebClientRequestException;
    }

    private Mono<RailOutcome> unavailable(PayOut request, Throwable failure) {
        Throwable cause = Exceptions.isRetryExhausted(failure) ? failure.getCause() : failure;
        log.warn("{} payout {} unavailable at {}: {}", settings.method(), request.idempotencyKey(),
                settings.baseUrl(), cause.toString());
        return Mono.just(RailOutcome.Unavailable);
    }
}
