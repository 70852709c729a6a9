package io.masspay.command.web;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One check of a small request body, like the intake's {@code ItemRule}: rules are small and separate so a body's
 * contract grows by adding a rule. Unlike an item, a body is refused with the problem of every rule that fails, in
 * the rules' order, so a client fixes them all at once ({@link #refuseIfAny}).
 */
@FunctionalInterface
public interface BodyRule<T> {

    Optional<FieldError> check(T body);

    /** The field is present and, when it is text, not blank ({@link Fields#required}). */
    static <T> BodyRule<T> required(String field, Function<T, ?> value) {
        return body -> Fields.isMissing(value.apply(body)) ? Optional.of(Fields.missing(field)) : Optional.empty();
    }

    /** The field, when present, is shaped like a client id ({@link Fields#clientId}); absent, the server picks one. */
    static <T> BodyRule<T> clientId(String field, Function<T, String> value) {
        return body -> Fields.isClientIdOrAbsent(value.apply(body)) ? Optional.empty()
                : Optional.of(Fields.notClientId(field));
    }

    /** The field, when present, passes {@code ok}; a missing field is {@link #required}'s to name. */
    static <T, V> BodyRule<T> valid(String field, Function<T, V> value, Predicate<V> ok, String message) {
        return body -> {
            V v = value.apply(body);
            return v == null || ok.test(v) ? Optional.empty()
                    : Optional.of(new FieldError(field, ErrorCode.INVALID_FIELD, message));
        };
    }

    /** Every problem the rules find in the body, in the rules' order; empty when the body is acceptable. */
    static <T> List<FieldError> problems(T body, List<BodyRule<T>> rules) {
        return rules.stream().map(rule -> rule.check(body)).flatMap(Optional::stream).toList();
    }

    /** Refuses the body (VALIDATION_FAILED, 422) with every problem the rules find, if they find any. */
    static <T> void refuseIfAny(T body, List<BodyRule<T>> rules) {
        Fields.refuse(problems(body, rules));
    }
}
