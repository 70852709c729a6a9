import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The raw-PostgreSQL baseline of bench/bench.py: plain JDBC, batched inserts of {@code rows} event-sized
 * rows (a table shaped like Axon's domain_event_entry, the payload and metadata sizes measured from the
 * application's own events) in one transaction, the way the event store appends but without anything
 * else. Prints the elapsed milliseconds of each run, one a line.
 *
 * <pre>java -cp postgresql.jar bench/Baseline.java URL ROWS PAYLOAD_BYTES METADATA_BYTES RUNS</pre>
 */
public class Baseline {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rows = Integer.parseInt(args[1]);
        byte[] payload = filled(Integer.parseInt(args[2]));
        byte[] metadata = filled(Integer.parseInt(args[3]));
        int runs = Integer.parseInt(args[4]);
        try (Connection c = DriverManager.getConnection(url, System.getProperty("user.name"), "")) {
            c.createStatement().execute("""
                    create table if not exists bench_baseline (
                      global_index bigserial primary key, event_identifier varchar(255) not null unique,
                      aggregate_identifier varchar(255) not null, sequence_number bigint not null,
                      type varchar(255), time_stamp varchar(255) not null, payload bytea not null,
                      payload_type varchar(255) not null, payload_revision varchar(255), meta_data bytea,
                      unique (aggregate_identifier, sequence_number))""");
            c.setAutoCommit(false);
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into bench_baseline (event_identifier, aggregate_identifier, sequence_number, type,
                          time_stamp, payload, payload_type, payload_revision, meta_data)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (int i = 0; i < rows; i++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setLong(3, 0);
                        insert.setString(4, "Transaction");
                        insert.setString(5, Instant.now().toString());
                        insert.setBytes(6, payload);
                        insert.setString(7, "io.masspay.kernel.transaction.ItemSubmitted");
                        insert.setString(8, null);
                        insert.setBytes(9, metadata);
                        insert.addBatch();
                        if (i % 500 == 499) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
                System.out.println((System.nanoTime() - start) / 1_000_000.0);
            }
        }
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
