package io.masspay.infra.hostile;

import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, point 4: connections that trickle a request byte by byte (slow loris) are closed once the
 * request head deadline has passed, however steadily they trickle. The deadline is 2 s here (10 s by default)
 * to keep the test short.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = "masspay.http.request-head-timeout=PT2S")
class SlowClientsIT {

    private static final int LORISES = 20;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Test
    void shouldCloseConnectionsThatTrickleTheirRequestHead() throws IOException {
        List<Socket> lorises = new ArrayList<>();
        for (int i = 0; i < LORISES; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(100);
            socket.getOutputStream().write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n".getBytes(
                    StandardCharsets.US_ASCII));
            lorises.add(socket);
        }
        long started = System.nanoTime();
        try {
            // one more header byte from every connection each 200 ms, far more often than any idle timeout
            await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200))
                    .until(() -> lorises.stream().allMatch(SlowClientsIT::trickleAndSeeClosed));
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            System.out.printf("%d trickling connections closed after %d s%n", LORISES, seconds);
            assertThat(seconds).isGreaterThanOrEqualTo(1);
        } finally {
            for (Socket socket : lorises) {
                socket.close();
            }
        }
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    /** Sends one more byte; true once the server has closed the connection (end of stream or a refused write). */
    private static boolean trickleAndSeeClosed(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write('X');
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException closed) {
            return true;
        }
    }
}
