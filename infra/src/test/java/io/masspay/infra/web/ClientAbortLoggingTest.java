package io.masspay.infra.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 4: every client that hung up (Reactor Netty's AbortedException, a reset connection) was
 * logged as an unexpected failure, an ERROR with a stack trace of several KB: a client could flood the log by
 * hanging up. Now it is one line, and only at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientAbortLoggingTest {

    private final ErrorResponses responses = new ErrorResponses(new ErrorWriter(JsonMapper.builder().build()));

    @Test
    void shouldNotLogAClientThatHungUpAsAnErrorNorWithAStackTrace(CapturedOutput output) {
        for (Throwable hangUp : new Throwable[]{
                new AbortedException("Connection has been closed BEFORE send operation"),
                new IOException("Connection reset by peer"),
                new RuntimeException("wrapped", new IOException("Broken pipe"))}) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/API/v4/Fund/BatchTransfer"));

            responses.handle(exchange, hangUp).block();
        }

        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Internal error");
    }

    @Test
    void shouldStillLogAnUnexpectedFailureAsAnError(CapturedOutput output) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/API/v4/Fund/BatchTransfer"));

        responses.handle(exchange, new IllegalStateException("a bug")).block();

        assertThat(output.getAll()).contains("ERROR").contains("Unexpected failure");
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
    }
}
