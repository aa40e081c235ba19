package dev.precis.statements;

import dev.precis.text.Span;

/**
 * One statement of an article: who said what, with every part given as a span of the article
 * text so a reader can be shown it in place.
 *
 * @param speaker        the speaker the statement is attributed to, normalized and linked within
 *                       the article ("Vladimir Putin" for a later "Putin" or "He"); {@code null}
 *                       when the text names nobody
 * @param role           the speaker's role as the text gives it ("Russian President"), or {@code null}
 * @param speakerMention the speaker as written at this statement ("He", "Putin"), or {@code null}
 * @param speakerSpan    the span of {@code speakerMention}, or {@code null}
 * @param cue            the cue as written ("stressed", "according to"), or {@code null}
 * @param cueLemma       the cue's lemma ("stress", "according to"), or {@code null}
 * @param cueSpan        the span of {@code cue}, or {@code null}
 * @param content        what was said, as written (with its quotation marks for direct quotes)
 * @param contentSpan    the span of {@code content}
 * @param kind           direct quote, reported speech, or reported speech holding a quoted fragment
 */
public record Statement(String speaker, String role, String speakerMention, Span speakerSpan,
                        String cue, String cueLemma, Span cueSpan,
                        String content, Span contentSpan, Kind kind) {

    /** How the content is given. */
    public enum Kind {
        /** A quotation in quotation marks. */
        DIRECT,
        /** Reported speech without quotation marks. */
        INDIRECT,
        /** Reported speech that holds a quoted fragment. */
        MIXED;

        /** The lower-case name used in JSON: {@code direct}, {@code indirect}, {@code mixed}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
