package io.masspay.cli.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    @Test
    void shouldReadStatusAndCountsFromTheStatusBody() throws Exception {
        Progress p = Progress.of(new ObjectMapper().readTree("""
                {"Status":"Processing","Counts":{"Processing":10,"Success":980,"Failed":3,"RetainedInWallet":5}}"""));

        assertThat(p).isEqualTo(new Progress("Processing", 10, 980, 3, 5));
        assertThat(p.total()).isEqualTo(998);
        assertThat(p.done()).isEqualTo(988);
        assertThat(p.isFinal()).isFalse();
        assertThat(p.allSucceeded()).isFalse();
    }

    @Test
    void shouldCountAcceptedItemsTheReadModelHasNotSeenYetAsProcessing() {
        Progress early = new Progress("Processing", 100, 59, 0, 0);

        assertThat(early.expecting(1000)).isEqualTo(new Progress("Processing", 941, 59, 0, 0));
        assertThat(early.expecting(100)).as("never fewer than the read model knows").isEqualTo(early);
    }

    @Test
    void shouldBeFinalOnlyWhenTheBatchSaysSo() {
        assertThat(new Progress("Completed", 0, 4, 0, 0).isFinal()).isTrue();
        assertThat(new Progress("CompletedWithErrors", 0, 3, 0, 1).isFinal()).isTrue();
        assertThat(new Progress("Processing", 0, 4, 0, 0).isFinal()).as("counts alone do not end the wait").isFalse();
        assertThat(new Progress("AwaitingApproval", 4, 0, 0, 0).isFinal()).as("held for an approver").isFalse();
        assertThat(new Progress("Scheduled", 4, 0, 0, 0).isFinal()).as("held for its time").isFalse();
        assertThat(new Progress("Completed", 0, 4, 0, 0).allSucceeded()).isTrue();
    }
}
