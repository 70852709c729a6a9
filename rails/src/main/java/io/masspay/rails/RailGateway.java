package io.masspay.rails;

import io.masspay.kernel.payout.PayOut;
import io.masspay.kernel.payout.RailResponse;
import io.masspay.kernel.payout.SendMethod;

/**
 * The port to one payout rail (a bank, a card network, a gift card or check provider). A call is
 * identified by its idempotency key {@code TransactionId:AttemptNo}: a rail pays at most once per key,
 * however often it is called with it.
 */
public interface RailGateway {

    /** The send method this rail carries. */
    SendMethod method();

    RailResponse payOut(PayOut request);
}
