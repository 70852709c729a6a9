package io.masspay.infra.webhook;

import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 5: the address is checked when each delivery connects, not only when the URL is set. A name
 * that resolved to a public address when the operator set it and resolves to 127.0.0.1 when a delivery
 * connects (DNS rebinding) must not reach the service's own host. The name lookup is a stub here that answers
 * loopback for every name, as a rebinding DNS server would at delivery time; the receiver listening on 127.0.0.1
 * proves what would have been reached.
 */
class ConnectTimeAddressCheckTest {

    private static final byte[] BODY = "{\"EventId\":\"evt_1\",\"EventType\":\"item.succeeded\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookReceiver receiver = receiver();
    private WebhookSender sender;

    @AfterEach
    void close() {
        if (sender != null) {
            sender.destroy();
        }
        receiver.close();
    }

    @Test
    void shouldRefuseANameThatRebindsToLoopbackWhenTheDeliveryConnects() {
        sender = new WebhookSender(settings(true), new PublicAddressResolverGroup(RebindsToLoopback::new));

        // localhost: the system's resolver maps it to loopback too, so without the check the POST would land
        String url = receiver.url("rebound").replace("127.0.0.1", "localhost");
        WebhookSender.Answer answer = sender.send(delivery(url)).block(Duration.ofSeconds(10));

        assertThat(answer.statusCode()).as("no answer: the connection was never made").isNull();
        assertThat(receiver.receivedBy("rebound")).isEmpty();
    }

    @Test
    void shouldRefuseALoopbackLiteralWhenTheDeliveryConnects() {
        sender = new WebhookSender(settings(true), new PublicAddressResolverGroup(RebindsToLoopback::new));

        WebhookSender.Answer answer = sender.send(delivery(receiver.url("literal"))).block(Duration.ofSeconds(10));

        assertThat(answer.statusCode()).isNull();
        assertThat(receiver.receivedBy("literal")).isEmpty();
    }

    @Test
    void shouldDeliverToTheSameReceiverWhenPublicTargetsAreNotRequired() {
        sender = new WebhookSender(settings(false), new PublicAddressResolverGroup(RebindsToLoopback::new));

        WebhookSender.Answer answer = sender.send(delivery(receiver.url("open"))).block(Duration.ofSeconds(10));

        assertThat(answer.delivered()).isTrue();
        assertThat(receiver.receivedBy("open")).hasSize(1);
    }

    private static ClaimedDelivery delivery(String url) {
        return new ClaimedDelivery("evt_1", 1, "ISS-1", BODY, 0, url, "s".repeat(32));
    }

    private static WebhookSettings settings(boolean requireHttps) {
        return new WebhookSettings(requireHttps, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofHours(1),
                Duration.ofHours(72), Duration.ofMillis(500), 4);
    }

    private static WebhookReceiver receiver() {
        try {
            return new WebhookReceiver();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A DNS server that answered a public address when the URL was set, and now answers loopback. */
    private static final class RebindsToLoopback extends InetNameResolver {

        RebindsToLoopback(EventExecutor executor) {
            super(executor);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            try {
                promise.setSuccess(InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1}));
            } catch (UnknownHostException e) {
                promise.setFailure(e);
            }
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            try {
                promise.setSuccess(List.of(InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1})));
            } catch (UnknownHostException e) {
                promise.setFailure(e);
            }
        }
    }
}
