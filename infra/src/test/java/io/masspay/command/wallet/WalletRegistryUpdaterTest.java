package io.masspay.command.wallet;

import io.masspay.infra.support.ProjectionHarness;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import static io.masspay.infra.support.PayoutEvents.ISSUER;
import static io.masspay.infra.support.PayoutEvents.issuerWalletCreated;
import static io.masspay.infra.support.PayoutEvents.recipientWalletCreated;
import static org.assertj.core.api.Assertions.assertThat;

/** The command side's wallet registry follows WalletCreated; an owner's first wallet in a currency is its default. */
class WalletRegistryUpdaterTest {

    private static final String REGISTRY = """
            select wallet_id, issuer_account_number, owner_type, owner_id, currency, is_default
            from wallet_registry order by wallet_id""";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final WalletRegistryUpdater updater = new WalletRegistryUpdater(new WalletRegistry(harness.jdbc()));

    @Test
    void eachCreatedWalletIsRegisteredAndOnlyTheOwnersFirstIsItsDefault() {
        harness.handle(updater, harness.stored("WAL-SPN001", issuerWalletCreated(ISSUER, "WAL-SPN001")),
                harness.stored("WAL-A", recipientWalletCreated(ISSUER, "WAL-A", "PAT-1")),
                harness.stored("WAL-B", recipientWalletCreated(ISSUER, "WAL-B", "PAT-1")));

        assertThat(harness.rows(REGISTRY)).containsExactly(
                "WAL-A | SPN001 | Recipient | PAT-1 | USD | true",
                "WAL-B | SPN001 | Recipient | PAT-1 | USD | false",
                "WAL-SPN001 | SPN001 | Issuer | SPN001 | USD | true");
    }

    @Test
    void aWalletCreatedHandledAgainChangesNothing() {
        TrackedEventMessage<?> created = harness.stored("WAL-A", recipientWalletCreated(ISSUER, "WAL-A", "PAT-1"));
        harness.handle(updater, created);

        harness.handle(updater, created);

        assertThat(harness.rows(REGISTRY)).containsExactly("WAL-A | SPN001 | Recipient | PAT-1 | USD | true");
    }
}
