package io.masspay.infra.web;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;

import java.util.List;

/** The one error body of the contract: {@code {"ErrorCode", "Message", "Errors": [...]}}. */
public record ErrorBody(ErrorCode errorCode, String message, List<FieldError> errors) {
}
