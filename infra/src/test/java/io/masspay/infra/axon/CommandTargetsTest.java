package io.masspay.infra.axon;

import io.masspay.kernel.batch.ApproveBatch;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.transaction.FailItem;
import io.masspay.kernel.wallet.DebitIssuerWallet;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cached resolver answers what Axon's own annotation resolver answers, for every shape a command takes. */
class CommandTargetsTest {

    /** A field-style command with a version, and a class whose identifier is a method, as Axon allows. */
    record VersionedCommand(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static final class MethodTarget {
        @TargetAggregateIdentifier
        String target() {
            return "by-method";
        }
    }

    record NoTarget(String id) {
    }

    private final CommandTargets cached = new CommandTargets();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void resolvesLikeAxon() {
        List<Object> commands = List.of(
                new DebitIssuerWallet(WalletId.of("wa_1"), List.of()),
                new FailItem(TransactionId.of("tx_1"), 2, ErrorCode.PROVIDER_DECLINED),
                new FailItem(TransactionId.of("tx_2"), 1, ErrorCode.PROVIDER_DECLINED), // its own id, not the cached class's first
                new ApproveBatch(BatchId.of("bt_1"), IssuerAccountNumber.of("SPN1"), "approver"),
                new VersionedCommand("agg-7", "12"),
                new MethodTarget());
        for (Object payload : commands) {
            CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
            assertThat(cached.resolveTarget(command)).as("target of %s", payload).isEqualTo(axon.resolveTarget(command));
            assertThat(cached.resolveTarget(command)).as("again, from the cache").isEqualTo(axon.resolveTarget(command));
        }
        assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(new VersionedCommand("agg-7", "12")))
                .getVersion()).isEqualTo(12L);
    }

    @Test
    void aCommandWithoutTargetIsRefusedAsAxonRefusesIt() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new NoTarget("x"));
        assertThatThrownBy(() -> cached.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not identify the target aggregate").hasMessageContaining("NoTarget");
        CommandMessage<?> nullTarget = GenericCommandMessage.asCommandMessage(new VersionedCommand(null, null));
        assertThatThrownBy(() -> cached.resolveTarget(nullTarget)).isInstanceOf(IllegalArgumentException.class);
        CommandMessage<?> badVersion = GenericCommandMessage.asCommandMessage(new VersionedCommand("a", "twelve"));
        assertThatThrownBy(() -> cached.resolveTarget(badVersion)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }
}
