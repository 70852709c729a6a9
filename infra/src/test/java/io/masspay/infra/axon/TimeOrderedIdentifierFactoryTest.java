package io.masspay.infra.axon;

import io.masspay.kernel.ids.ServerIds;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon finds our identifier factory, so every event it stores gets an identifier that starts with the time. */
class TimeOrderedIdentifierFactoryTest {

    @Test
    void givesEveryNewEventAnIdentifierThatSortsByTheMillisecond() {
        String before = ServerIds.newId("").substring(0, 8);
        String identifier = GenericEventMessage.asEventMessage("payload").getIdentifier();
        String after = ServerIds.newId("").substring(0, 8);

        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        // never a leading sign: a posting id in Report.csv must not read as a formula
        assertThat(identifier).matches("[0-9A-Za-z]{8}[A-Za-z0-9_-]{22}");
        assertThat(identifier.substring(0, 8)).isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(after);
    }
}
