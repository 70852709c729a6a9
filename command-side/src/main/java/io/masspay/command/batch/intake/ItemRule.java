package io.masspay.command.batch.intake;

import io.masspay.kernel.error.FieldError;

import java.util.Optional;

/**
 * One validation rule for an item. Rules are small and separate so the contract can grow by adding
 * a rule, not by lengthening a chain of ifs; the first rule that fails rejects the item.
 */
@FunctionalInterface
public interface ItemRule {

    Optional<FieldError> check(ItemRequest item, IntakeContext context);
}
