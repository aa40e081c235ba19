package dev.precis.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Publication times as readers see them: "22 Nov 2026, 14:05 UTC", or the date alone. */
final class When {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private When() {
    }

    /** A short human form of an ISO-8601 date or date-time; the input itself when it is neither. */
    static String human(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).format(DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(iso).format(DATE_TIME);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(iso.length() >= 10 ? iso.substring(0, 10) : iso).format(DATE);
                } catch (DateTimeParseException e3) {
                    return iso;
                }
            }
        }
    }
}
