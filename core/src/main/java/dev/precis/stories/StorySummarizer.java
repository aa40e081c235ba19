package dev.precis.stories;

import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-document extractive summary of a story: sentences of its member articles.
 *
 * <p>Every sentence of every member is scored by its cosine with the story centroid (the sum of
 * all the members' sentence TF-IDF vectors, idf over the story's sentences), times a prior that
 * favours sentences early in their article (MEAD: Radev et al., "Centroid-based summarization of
 * multiple documents", Information Processing &amp; Management 2004). Sentences are then picked by
 * Maximal Marginal Relevance (Carbonell &amp; Goldstein, SIGIR 1998), and a sentence too similar
 * to one already picked is never taken, so that two outlets' wordings of the same fact appear once.
 */
public final class StorySummarizer {

    /** Sentences of a default story summary. */
    public static final int DEFAULT_SENTENCES = 5;

    private static final double LAMBDA = 0.7;
    private static final double MAX_OVERLAP = 0.5;
    private static final int MIN_WORDS = 6;
    private static final int MAX_WORDS = 60;

    private StorySummarizer() {
    }

    /** The {@code count} best sentences across {@code members}, best first. */
    public static List<StorySentence> summarize(List<StoryMember> members, int count) {
        Map<String, Integer> vocabulary = new HashMap<>();
        List<int[]> keys = new ArrayList<>();
        List<SparseVector> raw = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int[] buffer = new int[64];
        for (int m = 0; m < members.size(); m++) {
            Doc doc = members.get(m).doc();
            int position = 0;
            for (int s = 0; s < doc.sentenceCount(); s++) {
                int words = doc.wordCount(s);
                if (words < MIN_WORDS || words > MAX_WORDS) {
                    continue;
                }
                int n = 0;
                for (int t = doc.firstToken(s); t < doc.endToken(s); t++) {
                    if (doc.isContent(t)) {
                        if (n == buffer.length) {
                            buffer = java.util.Arrays.copyOf(buffer, n * 2);
                        }
                        buffer[n++] = vocabulary.computeIfAbsent(doc.termString(doc.term(t)), k -> vocabulary.size());
                    }
                }
                if (n == 0) {
                    continue;
                }
                keys.add(new int[]{m, s});
                raw.add(SparseVector.ofCounts(buffer, n));
                positions.add(position++);
            }
        }
        int total = raw.size();
        int[] df = new int[vocabulary.size()];
        for (SparseVector v : raw) {
            for (int id : v.ids) {
                df[id]++;
            }
        }
        SparseVector.Idf idf = id -> Math.log((total + 1.0) / (df[id] + 1.0)) + 1;
        List<SparseVector> vectors = new ArrayList<>(total);
        SparseVector centroid = SparseVector.EMPTY;
        for (SparseVector v : raw) {
            SparseVector w = v.weighted(idf);
            vectors.add(w);
            centroid = centroid.plus(w, 1);
        }
        centroid = centroid.scaled(1);
        double[] score = new double[total];
        for (int i = 0; i < total; i++) {
            score[i] = vectors.get(i).dot(centroid) / (1 + 0.2 * positions.get(i));
        }
        List<StorySentence> out = new ArrayList<>();
        List<Integer> picked = new ArrayList<>();
        boolean[] used = new boolean[total];
        while (out.size() < count) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < total; i++) {
                if (used[i]) {
                    continue;
                }
                double overlap = 0;
                for (int p : picked) {
                    overlap = Math.max(overlap, vectors.get(i).dot(vectors.get(p)));
                }
                if (overlap > MAX_OVERLAP) {
                    used[i] = true;
                    continue;
                }
                double value = LAMBDA * score[i] - (1 - LAMBDA) * overlap;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            picked.add(best);
            StoryMember member = members.get(keys.get(best)[0]);
            int s = keys.get(best)[1];
            out.add(new StorySentence(member.articleId(), member.source(), s, member.doc().sentence(s),
                    member.doc().sentenceText(s), score[best]));
        }
        return out;
    }
}
