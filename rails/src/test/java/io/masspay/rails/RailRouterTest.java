package io.masspay.rails;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.PayOut;
import io.masspay.kernel.payout.RailOutcome;
import io.masspay.kernel.payout.RailResponse;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.sandbox.SandboxRails;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
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

    private static PayOut payOut(String transactionId, SendMethod method) {
        TransactionId tx = new TransactionId(transactionId);
        return new PayOut(PayOut.idempotencyKey(tx, 1), tx, 1, method, Money.of("10.00", CurrencyCode.USD), Map.of());
    }
}
