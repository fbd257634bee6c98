package dev.bulwark.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a results store back for the tests: its contents as text, row counts, one number. */
final class Databases {

    private Databases() {
    }

    static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
    }

    /** Every table and view, its columns and rows in a fixed order, as text: equal contents give equal text. */
    static String dump(Path db) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            for (String name : relations(c)) {
                sb.append("== ").append(name).append('\n');
                try (ResultSet r = s.executeQuery("SELECT * FROM \"" + name + "\" ORDER BY ALL")) {
                    ResultSetMetaData m = r.getMetaData();
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        sb.append(m.getColumnName(i)).append(i < m.getColumnCount() ? "," : "\n");
                    }
                    while (r.next()) {
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            sb.append(r.getString(i)).append(i < m.getColumnCount() ? "," : "\n");
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Row count of every table and view, by name. */
    static Map<String, Long> counts(Path db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(db)) {
            for (String name : relations(c)) {
                counts.put(name, scalar(c, "SELECT count(*) FROM \"" + name + "\""));
            }
        }
        return counts;
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) {
                throw new SQLException("no row from " + sql);
            }
            return r.getLong(1);
        }
    }

    private static List<String> relations(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }
}
