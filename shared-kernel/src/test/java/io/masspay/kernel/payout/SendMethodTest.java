package io.masspay.kernel.payout;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Send methods carry domain names in code and wire ids everywhere else: a stored event, a table row or a
 * setting written before the constants had domain names must read the same. What each method needs is
 * asked of the method; this table is the one place that says which method does what.
 */
class SendMethodTest {

    private final ObjectMapper json = new ObjectMapper();

    @Property
    void shouldWriteAndReadTheWireIdAsJson(@ForAll SendMethod method) throws Exception {
        String written = json.writeValueAsString(method);

        assertThat(written).isEqualTo("\"" + method.id() + "\"").matches("\"XTR945\\d\\d\"");
        assertThat(json.readValue(written, SendMethod.class)).isSameAs(method);
        assertThat(SendMethod.fromId(method.id())).isSameAs(method);
        assertThat(method).hasToString(method.id());
    }

    @Example
    void shouldKeepTheWireIdsOfTheContract() {
        assertThat(Arrays.stream(SendMethod.values()).map(SendMethod::id))
                .containsExactly("XTR94500", "XTR94502", "XTR94503", "XTR94504", "XTR94505", "XTR94507", "XTR94508");
        assertThat(SendMethod.fromId("XTR94501")).isNull();
        assertThat(SendMethod.fromId("BANK_TRANSFER")).as("a constant's name is no wire id").isNull();
    }

    @Example
    void shouldSayWhatEachMethodNeeds() {
        assertThat(methods(SendMethod::isWallet)).containsExactlyInAnyOrder(
                SendMethod.INDIVIDUAL_WALLET, SendMethod.COMPANY_WALLET);
        assertThat(methods(SendMethod::needsStoredDestination)).containsExactlyInAnyOrder(
                SendMethod.BANK_TRANSFER, SendMethod.PREPAID_CARD, SendMethod.PUSH_TO_CARD);
        assertThat(methods(SendMethod::paysToCard)).containsExactlyInAnyOrder(
                SendMethod.PREPAID_CARD, SendMethod.PUSH_TO_CARD);
        assertThat(methods(SendMethod::issuesCardWhenNoneNamed)).containsExactly(SendMethod.PREPAID_CARD);
        assertThat(methods(SendMethod::paysToBankAccount)).containsExactly(SendMethod.BANK_TRANSFER);
        assertThat(methods(SendMethod::sendsToEmail)).containsExactly(SendMethod.GIFT_CARD);
        assertThat(methods(SendMethod::mailsToPostalAddress)).containsExactly(SendMethod.PHYSICAL_CHECK);
    }

    private static EnumSet<SendMethod> methods(Predicate<SendMethod> capability) {
        EnumSet<SendMethod> matching = EnumSet.noneOf(SendMethod.class);
        Arrays.stream(SendMethod.values()).filter(capability).forEach(matching::add);
        return matching;
    }
}
