package io.masspay.rails;

import java.util.List;

/** Rails to real providers, configured by the operator; they replace the sandbox for their methods. */
public interface RailConnectors {

    List<RailGateway> gateways();
}
