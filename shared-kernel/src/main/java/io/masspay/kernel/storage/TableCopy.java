package io.masspay.kernel.storage;

import java.util.List;

/**
 * Many rows written into one table in a single round trip (PostgreSQL's {@code COPY}), in the caller's
 * transaction: for the few writes whose rows come by the thousand in one request, where a multi-row insert
 * spends most of its time having PostgreSQL parse its parameters.
 */
public interface TableCopy {

    /**
     * Writes every row, or none: if a unique key refuses any of them, nothing of the copy is written, the
     * caller's transaction goes on as before it, and the answer is false (the caller then finds out which rows
     * were refused, the slower way). Any other failure is thrown.
     *
     * @param rows one value per column, each a {@code String}, {@code Long}, {@code Integer} or null
     */
    boolean copyUnlessDuplicate(String table, List<String> columns, List<Object[]> rows);
}
