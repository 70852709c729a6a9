package io.masspay.command.wallet;

import io.masspay.kernel.wallet.WalletCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the wallet registry in step with the event store. Its processing group is subscribing, so it
 * runs inside the transaction that appends {@link WalletCreated}: both commit or neither does.
 */
@Component
@ProcessingGroup(WalletRegistryUpdater.GROUP)
public class WalletRegistryUpdater {

    public static final String GROUP = "wallet-registry";

    private final WalletRegistry registry;

    public WalletRegistryUpdater(WalletRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(WalletCreated event) {
        registry.register(new WalletEntry(event.walletId(), event.issuer(), event.ownerType(), event.ownerId(),
                event.currency()));
    }
}
