package io.masspay.cli.submit;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file holds only items; the batch envelope (API.md section 2) travels as query parameters
 * named exactly like the JSON envelope's fields.
 */
public final class CsvEnvelope {

    @Option(names = "--issuer-account", paramLabel = "IAN",
            description = "CSV only: IssuerAccountNumber (required for CSV).")
    String issuerAccountNumber;

    @Option(names = "--source-wallet", paramLabel = "WALLET_ID",
            description = "CSV only: SourceWalletId, the issuer wallet that pays; its currency is the batch currency (required for CSV).")
    String sourceWalletId;

    @Option(names = "--customer-batch-id", paramLabel = "ID",
            description = "CSV only: CustomerBatchId; the same id again is a retry of that batch. Generated when absent.")
    String customerBatchId;

    @Option(names = "--email-notification", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "CSV only: EmailNotification.")
    Boolean emailNotification;

    boolean anySet() {
        return !queryParameters().isEmpty();
    }

    /** What a CSV submission cannot go without; the service would answer 422, this says it before sending. */
    List<String> missingForCsv() {
        List<String> missing = new ArrayList<>();
        if (issuerAccountNumber == null) {
            missing.add("--issuer-account");
        }
        if (sourceWalletId == null) {
            missing.add("--source-wallet");
        }
        return missing;
    }

    Map<String, String> queryParameters() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "IssuerAccountNumber", issuerAccountNumber);
        put(query, "SourceWalletId", sourceWalletId);
        put(query, "CustomerBatchId", customerBatchId);
        put(query, "EmailNotification", emailNotification == null ? null : emailNotification.toString());
        return query;
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }
}
