package io.masspay.infra.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of a read model's copy being built, beside the live ones in {@code public}: schema
 * {@code rm_build_<group>} holds empty tables shaped like the live ones, with the same constraint and index
 * names (so that once swapped in, a later migration finds them by name); the copy's processor writes there by
 * search path, the projections' SQL unchanged. The swap moves the live tables to {@code rm_retired_<group>} and
 * the copies into {@code public}: {@code alter table ... set schema} is transactional DDL, so every reader sees
 * either the old tables or the new ones, never a mix or none (ADR 0019).
 *
 * <p>Each method runs in the caller's transaction (the swap must commit with the tokens it hands over).
 */
final class ReadModelCopies {

    private static final Pattern ON_TABLE = Pattern.compile(" ON (?:public\\.)?(\\w+) USING ");

    private final JdbcTemplate jdbc;

    ReadModelCopies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String buildSchema(String group) {
        return "rm_build_" + group.replace('-', '_');
    }

    static String retiredSchema(String group) {
        return "rm_retired_" + group.replace('-', '_');
    }

    /**
     * Empty copies of the group's tables in a fresh build schema, with the live tables' primary keys and unique
     * constraints (the projections' upserts and lookups need them); whatever an abandoned rebuild left is dropped.
     * The other indexes serve reads only: {@link #complete} builds them once the copy has caught up, in one pass
     * over each table instead of one index update per row written by the replay.
     */
    void create(String group) {
        String schema = buildSchema(group);
        jdbc.execute("drop schema if exists " + schema + " cascade");
        jdbc.execute("create schema " + schema);
        for (String table : tables(group)) {
            // indexes are created under their own names; "including all" would make up new ones
            jdbc.execute("create table " + schema + "." + table + " (like public." + table
                    + " including defaults including constraints including generated including identity"
                    + " including storage including comments)");
            jdbc.query("""
                            select con.conname, pg_get_constraintdef(con.oid) from pg_constraint con
                            where con.conrelid = ('public.' || ?)::regclass and con.contype in ('p', 'u', 'x')""",
                    rs -> {
                        jdbc.execute("alter table " + schema + "." + table + " add constraint " + rs.getString(1)
                                + " " + rs.getString(2));
                    }, table);
            for (String index : indexes(table, true)) {
                jdbc.execute(inSchema(index, schema, table));
            }
        }
    }

    /**
     * Readies a caught-up copy of one table for reads: the live table's other indexes under their own names, and
     * fresh planner statistics, so that the first reads after the swap plan as well as before. One table per
     * transaction: the copy's processor goes on writing, and must never wait on two of them at once.
     */
    void complete(String group, String table) {
        String schema = buildSchema(group);
        for (String index : indexes(table, false)) {
            jdbc.execute(inSchema(index, schema, table));
        }
        jdbc.execute("analyze " + schema + "." + table);
    }

    /** The live table's indexes that back no constraint: the unique ones (upserts need them), or the others. */
    private List<String> indexes(String table, boolean unique) {
        return jdbc.queryForList("""
                        select pg_get_indexdef(i.indexrelid) from pg_index i
                        where i.indrelid = ('public.' || ?)::regclass and i.indisunique = ?
                        and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid)
                        order by i.indexrelid""",
                String.class, table, unique);
    }

    /**
     * Takes every table of both generations, waiting at most {@code lockTimeout} for reads in progress (reads
     * arriving meanwhile queue behind the swap for that long at most), and swaps them.
     */
    void swap(String group, String lockTimeout) {
        String build = buildSchema(group);
        String retired = retiredSchema(group);
        List<String> tables = tables(group);
        jdbc.execute("set local lock_timeout = '" + lockTimeout + "'");
        jdbc.execute("lock table " + String.join(", ", tables.stream().map(t -> "public." + t).toList()) + ", "
                + String.join(", ", tables.stream().map(t -> build + "." + t).toList()) + " in access exclusive mode");
        jdbc.execute("drop schema if exists " + retired + " cascade");
        jdbc.execute("create schema " + retired);
        for (String table : tables) {
            jdbc.execute("alter table public." + table + " set schema " + retired);
            jdbc.execute("alter table " + build + "." + table + " set schema public");
        }
        jdbc.execute("drop schema " + build);
    }

    /** The generation that served reads until the swap; readers that still held its tables have let go by now. */
    void dropRetired(String group) {
        jdbc.execute("set local lock_timeout = '5s'");
        jdbc.execute("drop schema if exists " + retiredSchema(group) + " cascade");
    }

    /** A rebuild given up: its copies go. */
    void dropBuild(String group) {
        jdbc.execute("drop schema if exists " + buildSchema(group) + " cascade");
    }

    static List<String> tables(String group) {
        List<String> tables = ReadModels.TABLES.get(group);
        if (tables == null) {
            throw new IllegalArgumentException("No tables known for " + group);
        }
        return tables;
    }

    /** {@code CREATE INDEX name ON [public.]table USING ...} for the same table in {@code schema}. */
    static String inSchema(String indexDefinition, String schema, String table) {
        Matcher on = ON_TABLE.matcher(indexDefinition);
        if (!on.find() || !on.group(1).equals(table)) {
            throw new IllegalStateException("Unexpected index definition: " + indexDefinition);
        }
        return indexDefinition.substring(0, on.start()) + " ON " + schema + "." + table + " USING "
                + indexDefinition.substring(on.end());
    }
}
