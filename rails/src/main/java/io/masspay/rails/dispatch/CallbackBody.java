package io.masspay.rails.dispatch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"IdempotencyKey", "Status", "ReturnCode"?}} (API.md section 3); unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CallbackBody(@JsonProperty("IdempotencyKey") String idempotencyKey,
                    @JsonProperty("Status") String status,
                    @JsonProperty("ReturnCode") String returnCode) {
}
