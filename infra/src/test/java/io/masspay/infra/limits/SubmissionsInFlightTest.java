package io.masspay.infra.limits;

import io.masspay.command.admission.RecentRefusals;
import io.masspay.infra.web.ErrorWriter;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One issuer's submissions in flight beyond {@code concurrent-submissions} get 429 before their body is read; the
 * {@code Retry-After} is 1 s, or what is left of the issuer's last admission refusal (a flooder at its cap is not
 * invited back every second).
 */
class SubmissionsInFlightTest {

    private static final IssuerAccountNumber FLOODER = IssuerAccountNumber.of("IAN-FLOOD");
    private static final IssuerAccountNumber OTHER = IssuerAccountNumber.of("IAN-OTHER");

    private final RecentRefusals refusals = new RecentRefusals();
    private final SubmissionsInFlight inFlight = new SubmissionsInFlight(1,
            new TooManyRequests(new ErrorWriter(new ObjectMapper())), refusals);

    @Test
    void shouldSayComeBackInOneSecondWhenTheIssuerWasNotRefusedByAdmission() {
        holdOneSubmission(FLOODER);

        ServerWebExchange refused = submit(FLOODER);

        assertThat(refused.getResponse().getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void shouldSayWhatIsLeftOfTheIssuersAdmissionRefusal() {
        refusals.refused(FLOODER, Duration.ofSeconds(5));
        holdOneSubmission(FLOODER);

        ServerWebExchange refused = submit(FLOODER);

        assertThat(refused.getResponse().getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }

    @Test
    void shouldLeaveAnotherIssuersSubmissionsAlone() {
        refusals.refused(FLOODER, Duration.ofSeconds(5));
        holdOneSubmission(FLOODER);

        assertThat(submit(OTHER).getResponse().getStatusCode()).as("passed on to the chain, not answered").isNull();
    }

    /** A submission that is still being handled: its chain never completes, so it keeps its place. */
    private void holdOneSubmission(IssuerAccountNumber issuer) {
        inFlight.filter(issuer, exchange(), held -> Mono.never()).subscribe();
    }

    private ServerWebExchange submit(IssuerAccountNumber issuer) {
        MockServerWebExchange exchange = exchange();
        inFlight.filter(issuer, exchange, passed -> Mono.empty()).block(Duration.ofSeconds(5));
        return exchange;
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/API/v4/Fund/BatchTransfer").body("{}"));
    }
}
