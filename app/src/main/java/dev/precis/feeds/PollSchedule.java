package dev.precis.feeds;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to fetch a feed next. After a success: the feed's own interval, lengthened to what the publisher
 * asks ({@code <ttl>}, {@code Cache-Control: max-age}), within [{@code min}, {@code max}]. After a failure:
 * exponential backoff from {@code retryBase}, doubling per consecutive error up to {@code maxBackoff}, and
 * never sooner than a {@code Retry-After} the server sent.
 *
 * @param min        the shortest interval, whatever the feed says
 * @param max        the longest interval, whatever the feed says
 * @param retryBase  the wait after a first error
 * @param maxBackoff the cap on the wait after repeated errors
 */
public record PollSchedule(Duration min, Duration max, Duration retryBase, Duration maxBackoff) {

    /** 5 minutes to 1 day between polls; errors back off from 5 minutes up to 1 day. */
    public static final PollSchedule DEFAULT = new PollSchedule(Duration.ofMinutes(5), Duration.ofDays(1),
            Duration.ofMinutes(5), Duration.ofDays(1));

    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])(s-maxage|max-age)\\s*=\\s*\"?(\\d{1,10})");

    /** The next fetch after a successful one (200 or 304). {@code ttl} and {@code maxAge} may be {@code null}. */
    public Instant afterSuccess(Instant now, Duration interval, Duration ttl, Duration maxAge) {
        Duration d = interval;
        if (ttl != null && ttl.compareTo(d) > 0) {
            d = ttl;
        }
        if (maxAge != null && maxAge.compareTo(d) > 0) {
            d = maxAge;
        }
        return now.plus(clamp(d, min, max));
    }

    /** The next fetch after {@code consecutiveErrors} (≥ 1) failures in a row; {@code retryAfter} may be {@code null}. */
    public Instant afterError(Instant now, int consecutiveErrors, Duration retryAfter) {
        int doublings = Math.min(Math.max(consecutiveErrors, 1) - 1, 30);
        Duration d = retryBase.multipliedBy(1L << doublings);
        if (d.compareTo(maxBackoff) > 0 || d.isNegative()) {
            d = maxBackoff;
        }
        if (retryAfter != null && retryAfter.compareTo(d) > 0) {
            d = clamp(retryAfter, d, max.multipliedBy(7));
        }
        return now.plus(d);
    }

    /** The {@code max-age} of a {@code Cache-Control} header, or {@code null}. */
    public static Duration maxAge(String cacheControl) {
        if (cacheControl == null) {
            return null;
        }
        Matcher m = MAX_AGE.matcher(cacheControl);
        Duration shared = null;
        Duration own = null;
        while (m.find()) {
            Duration d = Duration.ofSeconds(Long.parseLong(m.group(2)));
            if (m.group(1).equalsIgnoreCase("s-maxage")) {
                shared = d;
            } else {
                own = d;
            }
        }
        return own != null ? own : shared;
    }

    /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), or {@code null}. */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        if (v.matches("\\d{1,10}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US)).toInstant();
            return when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration clamp(Duration d, Duration lo, Duration hi) {
        return d.compareTo(lo) < 0 ? lo : d.compareTo(hi) > 0 ? hi : d;
    }
}
