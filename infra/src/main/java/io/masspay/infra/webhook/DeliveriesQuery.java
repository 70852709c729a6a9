package io.masspay.infra.webhook;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;

import java.util.ArrayList;
import java.util.List;

/** {@code ?Status=&Page=&PageSize=} of the deliveries log, checked like the status API's paging. */
record DeliveriesQuery(String status, int page, int pageSize) {

    static final int MAX_PAGE_SIZE = 1000;

    static DeliveriesQuery of(String status, String page, String pageSize) {
        List<FieldError> errors = new ArrayList<>();
        if (status != null && !List.of("Pending", "Delivered", "Failing").contains(status)) {
            errors.add(new FieldError("Status", ErrorCode.INVALID_FIELD, "Status must be Pending, Delivered or Failing"));
        }
        int p = number(page, 1, "Page", Integer.MAX_VALUE, errors);
        int size = number(pageSize, 100, "PageSize", MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "Invalid query parameters", errors);
        }
        return new DeliveriesQuery(status, p, size);
    }

    /** The stored statuses the filter stands for: "Failing" covers rows still retrying and rows given up. */
    String[] storedStatuses() {
        if (status == null) {
            return new String[]{"Pending", "Delivered", "Failing", "Failed"};
        }
        return status.equals("Failing") ? new String[]{"Failing", "Failed"} : new String[]{status};
    }

    private static int number(String text, int fallback, String field, int max, List<FieldError> errors) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below, like an out-of-range value
        }
        errors.add(new FieldError(field, ErrorCode.INVALID_FIELD, field + " must be a whole number in 1.." + max));
        return fallback;
    }
}
