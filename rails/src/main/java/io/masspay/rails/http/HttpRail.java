package io.masspay.rails.http;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.PayoutOrder;
import io.masspay.rails.RailGateway;
import io.masspay.rails.RailReply;
import io.netty.channel.ChannelOption;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;

/**
 * A payout provider reached with JSON over HTTP: {@code POST {base-url}/payouts} with the payout's
 * idempotency key, {@code GET {base-url}/payouts/{key}} to ask how it went. Non-blocking: a call that
 * waits a second on the provider holds a pooled connection of this rail, never a thread. Redirects are not
 * followed, answers are read up to {@link #MAX_ANSWER} bytes. It makes one call per request; calling again
 * (always with the same key) is the dispatcher's decision.
 */
final class HttpRail implements RailGateway {

    static final int MAX_ANSWER = 16 * 1024;

    private final HttpRailSettings settings;
    private final ConnectionProvider connections;
    private final WebClient provider;

    HttpRail(HttpRailSettings settings) {
        this.settings = settings;
        this.connections = ConnectionProvider.builder("rail-" + settings.method().id())
                .maxConnections(settings.connections())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(settings.timeout())
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.timeout().toMillis(), 30_000))
                .responseTimeout(settings.timeout());
        // A builder of our own, not the application's: the wire format is the provider's, not our API's.
        this.provider = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER))
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

    @Override
    public Mono<RailReply> send(PayoutOrder order) {
        return provider.post().uri("/payouts")
                .header("Idempotency-Key", order.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(ProviderPayout.of(order))
                .exchangeToMono(ProviderResponses::toSend)
                .timeout(settings.timeout())
                .onErrorResume(failure -> Mono.just(ProviderResponses.failed(failure)));
    }

    @Override
    public Mono<RailReply> status(String idempotencyKey) {
        // the key is ours (URL-safe id, a colon, a number), and a colon is legal in a path: sent as it is
        return provider.get().uri("/payouts/" + idempotencyKey)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(ProviderResponses::toStatus)
                .timeout(settings.timeout())
                .onErrorResume(failure -> Mono.just(ProviderResponses.failed(failure)));
    }

    @Override
    public Duration callTimeout() {
        return settings.timeout().plus(Duration.ofSeconds(1));
    }

    String callbackSecret() {
        return settings.callbackSecret();
    }

    void close() {
        connections.dispose();
    }
}
