package io.masspay.infra.webhook;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * One POST of a webhook. Non-blocking: a call waiting on a slow endpoint holds no thread, so a hanging
 * endpoint costs its issuer's in-flight slots and nothing else. Connections come from a pool of our own
 * (per remote host, as Reactor Netty pools are), not the one the rail connectors use.
 */
@Component
class WebhookSender implements DisposableBean {

    /** {@code statusCode} is null when no answer came (timeout, refused connection, bad URL). */
    record Answer(Integer statusCode) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final ConnectionProvider connections;
    private final WebClient web;
    private final Duration timeout;

    @Autowired
    WebhookSender(WebhookSettings settings) {
        this(settings, new PublicAddressResolverGroup());
    }

    /** {@code resolver} checks each connection's address under require-https; a stub name lookup in tests. */
    WebhookSender(WebhookSettings settings, PublicAddressResolverGroup resolver) {
        this.timeout = settings.timeout();
        this.connections = ConnectionProvider.builder("webhooks").maxConnections(1_000)
                .pendingAcquireTimeout(timeout).build();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                .responseTimeout(timeout)
                .followRedirect(false); // a 3xx is an answer (not delivered), never a way to another address
        if (settings.requireHttps()) {
            http = http.resolver(resolver); // the address dialled is checked, not only the one seen when set
        }
        this.web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** The body goes out as the stored bytes; only the timestamp and its signature are new on each try. */
    Mono<Answer> send(ClaimedDelivery delivery) {
        long timestamp = Instant.now().getEpochSecond();
        return Mono.defer(() -> web.post().uri(URI.create(delivery.url()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("User-Agent", "MassPay-Webhooks/1")
                        .header("X-Signature-Timestamp", Long.toString(timestamp))
                        .header("X-Signature", WebhookSignature.of(delivery.secret(), timestamp, delivery.body()))
                        .bodyValue(delivery.body())
                        .exchangeToMono(response -> response.releaseBody()
                                .thenReturn(new Answer(response.statusCode().value()))))
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(new Answer(null)));
    }

    @Override
    public void destroy() {
        connections.dispose();
    }
}
