package dev.precis.storydesk;

import dev.precis.stories.Fingerprint;
import dev.precis.stories.Keyphrases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the desk keeps of a story still open to new articles, beside the grouper's vectors: its
 * members' fingerprints (to find near-duplicates), its keyphrases summed over members, its size
 * and time span.
 */
final class LiveStory {

    /** Phrases kept per story at most; the weakest go first. */
    private static final int KEPT_PHRASES = 96;

    /**
     * A member; {@code canonical} is the member it is a near-duplicate of, or its own id. Its
     * keyphrases and time are kept so that a regroup can move it to another story.
     */
    record Member(long articleId, long canonical, Fingerprint fingerprint, List<Keyphrases.Keyphrase> keyphrases,
                  String time, LocalDate day) {

        Member withCanonical(long id) {
            return new Member(articleId, id, fingerprint, keyphrases, time, day);
        }

        /** The member it duplicates, or {@code null}. */
        Long duplicateOf() {
            return canonical == articleId ? null : canonical;
        }
    }

    private static final class Phrase {
        final String text;
        double score;
        int documents;

        Phrase(String text) {
            this.text = text;
        }

        double rank() {
            return score * documents;
        }
    }

    final long id;
    private final List<Member> members = new ArrayList<>();
    private final Map<String, Phrase> phrases = new LinkedHashMap<>();
    private String first;
    private String last;
    private LocalDate lastDay;

    LiveStory(long id) {
        this.id = id;
    }

    /** The members, in the order they joined. */
    List<Member> members() {
        return List.copyOf(members);
    }

    /**
     * Adds a member that a regroup moved here, finding its near-duplicate among the members
     * already here afresh; returns the member it now duplicates, or {@code null}.
     */
    Long readd(Member m) {
        Long dup = duplicateOf(m.fingerprint());
        add(m.articleId(), dup, m.fingerprint(), m.keyphrases(), m.time(), m.day());
        return dup;
    }

    int size() {
        return members.size();
    }

    String first() {
        return first;
    }

    String last() {
        return last;
    }

    LocalDate lastDay() {
        return lastDay;
    }

    /** The canonical member an article with this fingerprint duplicates (the closest), or {@code null}. */
    Long duplicateOf(Fingerprint fingerprint) {
        Member best = null;
        double bestSim = Fingerprint.NEAR_DUPLICATE;
        for (Member m : members) {
            double sim = fingerprint.similarity(m.fingerprint());
            if (sim >= bestSim) {
                bestSim = sim;
                best = m;
            }
        }
        return best == null ? null : best.canonical();
    }

    void add(long articleId, Long duplicateOf, Fingerprint fingerprint, List<Keyphrases.Keyphrase> keyphrases,
             String time, LocalDate day) {
        members.add(new Member(articleId, duplicateOf == null ? articleId : duplicateOf, fingerprint,
                List.copyOf(keyphrases), time, day));
        for (Keyphrases.Keyphrase k : keyphrases) {
            Phrase p = phrases.computeIfAbsent(k.text().toLowerCase(Locale.ROOT), key -> new Phrase(k.text()));
            p.score += k.score();
            p.documents++;
        }
        if (phrases.size() > 2 * KEPT_PHRASES) {
            prune();
        }
        widen(time, time, day);
    }

    /**
     * Takes in every member of {@code other} (merged into this story). Members of {@code other}
     * that are near-duplicates of this story's members get that member as canonical, with the
     * members that pointed at them; returns those changes (article id → new canonical).
     */
    Map<Long, Long> absorb(LiveStory other) {
        Map<Long, Long> changed = new LinkedHashMap<>();
        Map<Long, Long> rehomed = new HashMap<>();
        List<Member> own = List.copyOf(members);
        for (Member m : other.members) {
            if (m.canonical() != m.articleId()) {
                continue;
            }
            Member best = null;
            double bestSim = Fingerprint.NEAR_DUPLICATE;
            for (Member o : own) {
                double sim = m.fingerprint().similarity(o.fingerprint());
                if (sim >= bestSim) {
                    bestSim = sim;
                    best = o;
                }
            }
            if (best != null) {
                rehomed.put(m.articleId(), best.canonical());
            }
        }
        for (Member m : other.members) {
            Long canonical = rehomed.get(m.canonical());
            if (canonical != null) {
                changed.put(m.articleId(), canonical);
                members.add(m.withCanonical(canonical));
            } else {
                members.add(m);
            }
        }
        other.phrases.forEach((key, p) -> {
            Phrase into = phrases.computeIfAbsent(key, k -> new Phrase(p.text));
            into.score += p.score;
            into.documents += p.documents;
        });
        if (phrases.size() > 2 * KEPT_PHRASES) {
            prune();
        }
        widen(other.first, other.last, other.lastDay);
        return changed;
    }

    /**
     * The {@code limit} best keyphrases: scores summed over members times the number of members
     * using the phrase (as {@link Keyphrases#ofStory} ranks them), leaving out a phrase whose words
     * all belong to a better one.
     */
    List<String> keyphrases(int limit) {
        List<Phrase> ranked = new ArrayList<>(phrases.values());
        ranked.sort((a, b) -> Double.compare(b.rank(), a.rank()));
        List<String> out = new ArrayList<>();
        List<Set<String>> taken = new ArrayList<>();
        for (Phrase p : ranked) {
            if (out.size() == limit) {
                break;
            }
            Set<String> words = new HashSet<>(Arrays.asList(p.text.toLowerCase(Locale.ROOT).split("\\s+")));
            if (taken.stream().anyMatch(t -> t.containsAll(words))) {
                continue;
            }
            taken.add(words);
            out.add(p.text);
        }
        return out;
    }

    private void prune() {
        List<Map.Entry<String, Phrase>> ranked = new ArrayList<>(phrases.entrySet());
        ranked.sort((a, b) -> Double.compare(b.getValue().rank(), a.getValue().rank()));
        phrases.clear();
        ranked.subList(0, KEPT_PHRASES).forEach(e -> phrases.put(e.getKey(), e.getValue()));
    }

    private void widen(String from, String to, LocalDate toDay) {
        if (from != null && (first == null || from.compareTo(first) < 0)) {
            first = from;
        }
        if (to != null && (last == null || to.compareTo(last) > 0)) {
            last = to;
        }
        if (toDay != null && (lastDay == null || toDay.isAfter(lastDay))) {
            lastDay = toDay;
        }
    }
}
