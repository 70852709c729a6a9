package io.masspay.command.wallet;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wallets gain one event per item they pay or receive, so an issuer wallet that funds thousands of
 * items would otherwise be replayed from its first event on every load. A snapshot every
 * {@value #EVENTS_BETWEEN_SNAPSHOTS} events bounds a load to that many events.
 */
@Configuration(proxyBeanMethods = false)
class WalletSnapshots {

    static final int EVENTS_BETWEEN_SNAPSHOTS = 250;

    @Bean
    SnapshotTriggerDefinition walletSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
