package io.masspay.rails.http;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.PayoutOrder;
import io.masspay.rails.RailGateway;
import io.masspay.rails.RailReply;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.function.BiFunction;

/**
 * A payout provider reached with JSON over HTTP: {@code POST {base-url}/payouts} with the payout's
 * idempotency key, {@code GET {base-url}/payouts/{key}} to ask how it went. Non-blocking: a call that
 * waits a second on the provider holds a pooled connection of this rail, never a thread. Redirects are not
 * followed, answers are read up to {@link #MAX_ANSWER} bytes. It makes one call per request; calling again
 * (always with the same key) is the dispatcher's decision.
 * <p>
 * Reactor Netty's client, used directly (ADR 0027): the body is one small JSON object each way, and Spring's
 * {@code WebClient} with its codecs cost about a quarter of the application's CPU in a rail benchmark.
 */
final class HttpRail implements RailGateway {

    static final int MAX_ANSWER = 16 * 1024;

    private final HttpRailSettings settings;
    private final ConnectionProvider connections;
    private final HttpClient provider;

    HttpRail(HttpRailSettings settings) {
        this.settings = settings;
        this.connections = ConnectionProvider.builder("rail-" + settings.method().id())
                .maxConnections(settings.connections())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(settings.timeout())
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.provider = HttpClient.create(connections)
                .baseUrl(settings.baseUrl())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.timeout().toMillis(), 30_000))
                .responseTimeout(settings.timeout())
                .followRedirect(false)
                .headers(headers -> {
                    headers.set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
                    if (settings.apiKey() != null) {
                        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + settings.apiKey());
                    }
                });
    }

    @Override
    public SendMethod method() {
        return settings.method();
    }

    @Override
    public Mono<RailReply> send(PayoutOrder order) {
        byte[] body = ProviderJson.write(ProviderPayout.of(order));
        return call(provider.post().uri("/payouts")
                .send((request, outbound) -> {
                    request.header("Idempotency-Key", order.idempotencyKey())
                            .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                            .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
                    return outbound.sendByteArray(Mono.just(body));
                })
                .response(answer(ProviderResponses::toSend)));
    }

    @Override
    public Mono<RailReply> status(String idempotencyKey) {
        // the key is ours (URL-safe id, a colon, a number), and a colon is legal in a path: sent as it is
        return call(provider.get().uri("/payouts/" + idempotencyKey).response(answer(ProviderResponses::toStatus)));
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

    /**
     * One exchange, bounded by the call's timeout; a failure before any answer is read as
     * {@link ProviderResponses#failed}.
     */
    private Mono<RailReply> call(Flux<RailReply> exchange) {
        return exchange.next()
                .timeout(settings.timeout())
                .onErrorResume(failure -> Mono.just(ProviderResponses.failed(failure)));
    }

    /** The answer's status and {@code Retry-After} header, with its body, to what they mean for the call. */
    private static BiFunction<HttpClientResponse, ByteBufFlux, Mono<RailReply>> answer(
            BiFunction<ProviderResponses.Answer, ByteBufFlux, Mono<RailReply>> meaning) {
        return (response, body) -> meaning.apply(new ProviderResponses.Answer(response.status().code(),
                response.responseHeaders().get("Retry-After")), body);
    }
}
