package io.masspay.kernel.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static io.masspay.kernel.money.CurrencyCode.EUR;
import static io.masspay.kernel.money.CurrencyCode.JPY;
import static io.masspay.kernel.money.CurrencyCode.USD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire amount rule (API.md, Conventions): a plain decimal string, greater than zero, with no more
 * decimals than the currency's scale, at most 1,000,000 in the currency's unit.
 */
class AmountParserTest {

    private static final Pattern PLAIN = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    @Property
    void canParseEveryValidAmountBackToTheSameMoney(@ForAll("validAmounts") Money amount) {
        assertThat(AmountParser.parse(amount.toDecimalString(), amount.currency())).contains(amount);
    }

    @Property
    void canParseAValidAmountWrittenWithFewerDecimalsThanTheScale(@ForAll("validAmounts") Money amount) {
        String shortest = new BigDecimal(amount.toDecimalString()).stripTrailingZeros().toPlainString();

        assertThat(AmountParser.parse(shortest, amount.currency())).contains(amount);
    }

    @Property
    void shouldAlwaysWriteExactlyTheCurrencyScale(@ForAll long minorUnits, @ForAll CurrencyCode currency) {
        String written = new Money(minorUnits, currency).toDecimalString();

        assertThat(written).matches("-?[0-9]+" + (currency.minorUnits() == 0 ? "" : "\\.[0-9]{" + currency.minorUnits() + "}"));
        assertThat(new BigDecimal(written).scale()).isEqualTo(currency.minorUnits());
        assertThat(new BigDecimal(written).movePointRight(currency.minorUnits()).longValueExact()).isEqualTo(minorUnits);
    }

    @Property
    void cannotParseAValidAmountInAnotherShape(@ForAll("validAmounts") Money amount,
                                               @ForAll("shapeBreakers") UnaryOperator<String> breakShape) {
        String broken = breakShape.apply(amount.toDecimalString());

        assertThat(AmountParser.parse(broken, amount.currency())).as("parse(\"%s\")", broken).isEmpty();
    }

    @Property
    void cannotParseMoreDecimalsThanTheCurrencyScale(@ForAll("validAmounts") Money amount,
                                                     @ForAll("extraDecimals") String extra) {
        String written = amount.toDecimalString();
        String tooPrecise = written + (written.contains(".") ? "" : ".") + extra;

        assertThat(AmountParser.parse(tooPrecise, amount.currency())).as("parse(\"%s\")", tooPrecise).isEmpty();
    }

    @Property
    void cannotParseAnAmountAboveTheCeiling(@ForAll("amountsAboveTheCeiling") Money amount) {
        assertThat(AmountParser.parse(amount.toDecimalString(), amount.currency())).isEmpty();
    }

    @Property
    void cannotParseZeroInAnyScale(@ForAll CurrencyCode currency,
                                   @ForAll("zeroDigits") String integerPart, @ForAll("zeroDigits") String fraction) {
        String zero = integerPart + (currency.minorUnits() == 0 ? ""
                : "." + fraction.substring(0, Math.min(fraction.length(), currency.minorUnits())));

        assertThat(AmountParser.parse(zero, currency)).as("parse(\"%s\")", zero).isEmpty();
    }

    /** Any short string, valid or not: the parser accepts exactly what the wire rule allows. */
    @Property
    void shouldAcceptExactlyTheAmountsTheWireRuleAllows(@ForAll("amountLikeStrings") String text,
                                                        @ForAll CurrencyCode currency) {
        boolean valid = isValidWireAmount(text, currency);
        Statistics.label("valid").collect(valid);
        Statistics.label("valid").coverage(checker -> {
            checker.check(true).percentage(p -> p > 5);
            checker.check(false).percentage(p -> p > 5);
        });

        assertThat(AmountParser.parse(text, currency).isPresent()).as("parse(\"%s\", %s)", text, currency).isEqualTo(valid);
        AmountParser.parse(text, currency).ifPresent(money ->
                assertThat(new BigDecimal(money.toDecimalString())).isEqualByComparingTo(new BigDecimal(text)));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void cannotParseTheKnownBadAmounts(@ForAll("knownBadAmounts") Tuple2<String, CurrencyCode> example) {
        assertThat(AmountParser.parse(example.get1(), example.get2())).as("parse(\"%s\", %s)", example.get1(), example.get2()).isEmpty();
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void canParseTheKnownGoodAmounts(@ForAll("knownGoodAmounts") Tuple2<String, Money> example) {
        assertThat(AmountParser.parse(example.get1(), example.get2().currency())).contains(example.get2());
    }

    @Example
    void shouldApplyTheFundingCeilingInsteadOfTheItemCeilingWhenAsked() {
        BigDecimal funding = AmountParser.MAX_FUNDING_AMOUNT;

        assertThat(AmountParser.parse("1000000000.00", USD, funding)).contains(new Money(100_000_000_000L, USD));
        assertThat(AmountParser.parse("999999999.99", USD, funding)).contains(new Money(99_999_999_999L, USD));
        assertThat(AmountParser.parse("1000000000", JPY, funding)).contains(new Money(1_000_000_000L, JPY));
        assertThat(AmountParser.parse("1000000000.01", USD, funding)).isEmpty();
        assertThat(AmountParser.parse("1000000001", JPY, funding)).isEmpty();
        assertThat(AmountParser.parse("1000000.01", USD)).as("items keep their own ceiling").isEmpty();
    }

    @Example
    void cannotParseNull() {
        assertThat(AmountParser.parse(null, USD)).isEmpty();
    }

    @Provide
    Arbitrary<Money> validAmounts() {
        return Arbitraries.of(CurrencyCode.class).flatMap(currency ->
                Arbitraries.longs().between(1, ceilingInMinorUnits(currency)).map(units -> new Money(units, currency)));
    }

    @Provide
    Arbitrary<Money> amountsAboveTheCeiling() {
        return Arbitraries.of(CurrencyCode.class).flatMap(currency ->
                Arbitraries.longs().between(ceilingInMinorUnits(currency) + 1, Long.MAX_VALUE)
                        .map(units -> new Money(units, currency)));
    }

    @Provide
    Arbitrary<UnaryOperator<String>> shapeBreakers() {
        List<UnaryOperator<String>> breakers = List.of(
                s -> " " + s,
                s -> s + " ",
                s -> "\t" + s,
                s -> s + "\n",
                s -> "-" + s,
                s -> "+" + s,
                s -> s + "e0",
                s -> s + "E2",
                s -> "." + s,
                s -> s + ".",
                s -> s.contains(".") ? s.replace('.', ',') : s + ",00",
                s -> s.charAt(0) + "_" + s.substring(1),
                s -> "$" + s,
                s -> s + "USD",
                s -> "0x" + s,
                AmountParserTest::arabicIndicDigits,
                AmountParserTest::fullwidthDigits);
        return Arbitraries.of(breakers);
    }

    @Provide
    Arbitrary<String> extraDecimals() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3);
    }

    @Provide
    Arbitrary<String> zeroDigits() {
        return Arbitraries.strings().withChars('0').ofMinLength(1).ofMaxLength(5);
    }

    @Provide
    Arbitrary<String> amountLikeStrings() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.chars().range('0', '9')),
                Tuple.of(2, Arbitraries.of('.')),
                Tuple.of(1, Arbitraries.of('-', '+', 'e', 'E', ' ', ',', '_', 'x', '\u0661', '\uFF11')));
        return chars.list().ofMaxSize(12).map(cs -> {
            StringBuilder text = new StringBuilder();
            cs.forEach(text::append);
            return text.toString();
        });
    }

    @Provide
    Arbitrary<Tuple2<String, CurrencyCode>> knownBadAmounts() {
        return Arbitraries.of(
                Tuple.of("1e3", USD),
                Tuple.of(" 1", USD),
                Tuple.of("1 ", USD),
                Tuple.of("-3", USD),
                Tuple.of("+3", USD),
                Tuple.of("NaN", USD),
                Tuple.of("Infinity", USD),
                Tuple.of("1.005", USD),
                Tuple.of("1.000", USD),
                Tuple.of("1.5", JPY),
                Tuple.of("1.0", JPY),
                Tuple.of("0", USD),
                Tuple.of("0.00", USD),
                Tuple.of("0", JPY),
                Tuple.of("1000000.01", USD),
                Tuple.of("1000001", JPY),
                Tuple.of("", USD),
                Tuple.of(".5", USD),
                Tuple.of("5.", USD),
                Tuple.of("1,000.00", USD),
                Tuple.of("\u0661\u0662", USD));
    }

    @Provide
    Arbitrary<Tuple2<String, Money>> knownGoodAmounts() {
        return Arbitraries.of(
                Tuple.of("0.01", new Money(1, USD)),
                Tuple.of("10.5", new Money(1050, USD)),
                Tuple.of("150.00", new Money(15000, EUR)),
                Tuple.of("1000000.00", new Money(100_000_000, USD)),
                Tuple.of("1000000", new Money(100_000_000, USD)),
                Tuple.of("1", new Money(1, JPY)),
                Tuple.of("1000000", new Money(1_000_000, JPY)));
    }

    private static long ceilingInMinorUnits(CurrencyCode currency) {
        return AmountParser.MAX_ITEM_AMOUNT.movePointRight(currency.minorUnits()).longValueExact();
    }

    /** The rule, written from the contract rather than from the parser. */
    private static boolean isValidWireAmount(String text, CurrencyCode currency) {
        if (!PLAIN.matcher(text).matches()) {
            return false;
        }
        BigDecimal value = new BigDecimal(text);
        return value.signum() > 0
                && value.scale() <= currency.minorUnits()
                && value.compareTo(new BigDecimal("1000000")) <= 0;
    }

    private static String arabicIndicDigits(String text) {
        return shiftDigits(text, '\u0660');
    }

    private static String fullwidthDigits(String text) {
        return shiftDigits(text, '\uFF10');
    }

    private static String shiftDigits(String text, char zero) {
        StringBuilder shifted = new StringBuilder();
        for (char c : text.toCharArray()) {
            shifted.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
        }
        return shifted.toString();
    }
}
