package io.masspay.rails;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.PayOut;
import io.masspay.kernel.payout.RailOutcome;
import io.masspay.kernel.payout.RailResponse;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.sandbox.SandboxRails;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The sandbox covers every rail method until a connector is configured for one; then that one is real. */
class RailRouterTest {

    /** A rail that only notes which keys it was asked to pay. */
    record NotingRail(SendMethod method, List<String> keys) implements RailGateway {
        NotingRail(SendMethod method) {
            this(method, new ArrayList<>());
        }

        @Override
        public RailResponse payOut(PayOut request) {
            keys.add(request.idempotencyKey());
            return new RailResponse(RailOutcome.Paid);
        }
    }

    private final NotingRail sandboxBank = new NotingRail(SendMethod.XTR94500);
    private final NotingRail sandboxCard = new NotingRail(SendMethod.XTR94503);
    private final NotingRail providerBank = new NotingRail(SendMethod.XTR94500);

    @Test
    void shouldPreferAConfiguredConnectorOverTheSandboxForItsMethodOnly() {
        // the real sandbox needs a database; only its list of rails matters to the router
        SandboxRails sandbox = mock(SandboxRails.class);
        when(sandbox.gateways()).thenReturn(List.of(sandboxBank, sandboxCard));
        RailConnectors configured = () -> List.of(providerBank);
        RailRouter router = new RailRouter(sandbox, List.of(configured));

        router.handle(payOut("tx_bank", SendMethod.XTR94500));
        router.handle(payOut("tx_card", SendMethod.XTR94503));

        assertThat(providerBank.keys()).containsExactly("tx_bank:1");
        assertThat(sandboxBank.keys()).isEmpty();
        assertThat(sandboxCard.keys()).containsExactly("tx_card:1");
    }

    @Test
    void shouldCountCallsPerSendMethodAndOutcomeAndEveryCallThatDidNotPay() {
        SandboxRails sandbox = mock(SandboxRails.class);
        RailGateway declining = new RailGateway() {
            @Override
            public SendMethod method() {
                return SendMethod.XTR94503;
            }

            @Override
            public RailResponse payOut(PayOut request) {
                return new RailResponse(RailOutcome.Declined);
            }
        };
        RailGateway broken = new RailGateway() {
            @Override
            public SendMethod method() {
                return SendMethod.XTR94507;
            }

            @Override
            public RailResponse payOut(PayOut request) {
                throw new IllegalStateException("connection reset");
            }
        };
        when(sandbox.gateways()).thenReturn(List.of(sandboxBank, declining, broken));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RailRouter router = new RailRouter(sandbox, List.of(), meters);

        router.handle(payOut("tx_1", SendMethod.XTR94500));
        router.handle(payOut("tx_2", SendMethod.XTR94500));
        router.handle(payOut("tx_3", SendMethod.XTR94503));
        assertThatThrownBy(() -> router.handle(payOut("tx_4", SendMethod.XTR94507)))
                .isInstanceOf(IllegalStateException.class);
        // no rail at all for this method: unavailable, and counted as such
        router.handle(payOut("tx_5", SendMethod.XTR94508));

        assertThat(calls(meters, "XTR94500", "Paid")).isEqualTo(2);
        assertThat(calls(meters, "XTR94503", "Declined")).isEqualTo(1);
        assertThat(calls(meters, "XTR94507", RailRouter.ERROR)).isEqualTo(1);
        assertThat(calls(meters, "XTR94508", "Unavailable")).isEqualTo(1);
        assertThat(meters.find("masspay.rail.failures").tag("send_method", "XTR94500").counter()).isNull();
        assertThat(meters.get("masspay.rail.failures").tag("send_method", "XTR94503").counter().count()).isEqualTo(1);
        assertThat(meters.get("masspay.rail.failures").tag("send_method", "XTR94507").counter().count()).isEqualTo(1);
        assertThat(meters.get("masspay.rail.failures").tag("send_method", "XTR94508").counter().count()).isEqualTo(1);
    }

    private static double calls(SimpleMeterRegistry meters, String method, String outcome) {
        return meters.get("masspay.rail.calls").tag("send_method", method).tag("outcome", outcome).counter().count();
    }

    private static PayOut payOut(String transactionId, SendMethod method) {
        TransactionId tx = new TransactionId(transactionId);
        return new PayOut(PayOut.idempotencyKey(tx, 1), tx, 1, method, Money.of("10.00", CurrencyCode.USD), Map.of());
    }
}
