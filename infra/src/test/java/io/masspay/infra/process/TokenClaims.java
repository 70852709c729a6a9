package io.masspay.infra.process;

import io.masspay.infra.support.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Who holds which segment: Axon's {@code token_entry}, read straight from the database. */
final class TokenClaims {

    private TokenClaims() {
    }

    /** Per processor, the owners of its segments ({@code "-"} for an unclaimed segment). */
    static Map<String, Set<String>> owners(TestPostgres.Database database) {
        Map<String, Set<String>> owners = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet rs = c.createStatement().executeQuery("select processor_name, owner from token_entry")) {
            while (rs.next()) {
                owners.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2) == null ? "-" : rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return owners;
    }

    /** How many segments, of any processor, {@code node} holds. */
    static int heldBy(TestPostgres.Database database, String node) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             var statement = c.prepareStatement("select count(*) from token_entry where owner = ?")) {
            statement.setString(1, node);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
