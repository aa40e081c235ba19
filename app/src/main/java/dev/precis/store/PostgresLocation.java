package dev.precis.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Where a PostgreSQL store lives, from a JDBC URL ({@code jdbc:postgresql://host:port/db?user=…})
 * or a libpq-style URI ({@code postgresql://user:password@host:port/db}).
 *
 * @param jdbcUrl     the JDBC URL without user information
 * @param properties  user and password, when the URI carried them
 * @param display     host, port and database for messages: never the password
 */
public record PostgresLocation(String jdbcUrl, Properties properties, String display) {

    /** Parses {@code url}; throws {@link StoreException} for something that is neither form. */
    public static PostgresLocation parse(String url) {
        String u = url.strip();
        Properties props = new Properties();
        if (u.startsWith("jdbc:postgresql:")) {
            return new PostgresLocation(u, props, "PostgreSQL " + withoutQuery(u.substring("jdbc:".length())));
        }
        if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
            throw new StoreException("--db: expected a PostgreSQL URL (postgresql://user:password@host:port/db or jdbc:postgresql://…)");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new StoreException("--db: not a valid URL (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            props.setProperty("user", URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
            if (parts.length == 2) {
                props.setProperty("password", URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String hostPort = host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new PostgresLocation("jdbc:postgresql://" + hostPort + path + query, props, "PostgreSQL " + hostPort + path);
    }

    private static String withoutQuery(String s) {
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }
}
