package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.stories.ArticleFeatures;
import dev.precis.stories.Meaning;
import dev.precis.stories.StoryMove;
import dev.precis.stories.StoryGrouper;
import dev.precis.text.Doc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Replays a story clustering dataset through the online {@link StoryGrouper} and scores the
 * result with {@link ClusterScores}.
 *
 * <p>Records are fed in date order; undated records come first, and records with the same day
 * (or both undated) keep their file order. Undated first, because the grouper lets an undated
 * article join any live story and keeps undated stories joinable, so they stay in reach of the
 * dated articles that follow instead of arriving after their dated stories have left the window.
 * The grouper is given only title, text, date, source and url: the input is built from those
 * fields alone, and {@code id} and {@code cluster} are read only to score (the record's index is
 * its key, which names it in regroup moves and plays no part in the grouping). A regroup runs
 * whenever the grouper says one is due, as in ingest; none is added at the end.
 */
public final class StoryEval {

    /**
     * The figures.
     *
     * @param articles       records replayed
     * @param scores         B-cubed and pairwise scores, cluster counts
     * @param msPerArticle   time of each {@link StoryGrouper#assign} call in milliseconds, in replay
     *                       order (the body's analysis, done once upstream at ingest, is not counted)
     * @param encodeMs       time of each article's {@link Meaning} in milliseconds, in replay order
     *                       (also done upstream at ingest; empty when the grouping does not use it)
     * @param regroups       {@link StoryGrouper#regroup()}s run along the replay, when due
     * @param regroupSeconds their time together (not in {@code msPerArticle})
     */
    public record Result(int articles, ClusterScores scores, double[] msPerArticle, double[] encodeMs,
                         int regroups, double regroupSeconds) {

        /** The median assignment time in milliseconds. */
        public double medianMs() {
            return percentile(msPerArticle, 0.5);
        }

        /** The 95th percentile assignment time in milliseconds. */
        public double p95Ms() {
            return percentile(msPerArticle, 0.95);
        }

        /** The median time to encode an article's meaning in milliseconds. */
        public double medianEncodeMs() {
            return percentile(encodeMs, 0.5);
        }

        private static double percentile(double[] values, double q) {
            if (values.length == 0) {
                return 0;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }

    private StoryEval() {
    }

    /** Replays {@code records} through a grouper with {@code options} and scores it. */
    public static Result run(List<JsonNode> records, StoryGrouper.Options options) {
        List<Integer> order = new ArrayList<>();
        LocalDate[] dates = new LocalDate[records.size()];
        for (int i = 0; i < records.size(); i++) {
            order.add(i);
            dates[i] = ArticleFeatures.day(Datasets.text(records.get(i), "date"));
        }
        order.sort(Comparator.comparing((Integer i) -> dates[i], Comparator.nullsFirst(Comparator.naturalOrder())));
        StoryGrouper grouper = new StoryGrouper(options);
        long[] assigned = new long[records.size()];
        double[] ms = new double[records.size()];
        boolean meanings = options.meaningWeight() > 0;
        double[] encode = new double[meanings ? records.size() : 0];
        int k = 0;
        int regroups = 0;
        double regroupSeconds = 0;
        for (int i : order) {
            JsonNode r = records.get(i);
            String title = Datasets.text(r, "title");
            String text = Datasets.text(r, "text");
            String body = text == null ? "" : text;
            float[] meaning = null;
            if (meanings) {
                long e0 = System.nanoTime();
                meaning = Meaning.of(title, body);
                encode[k] = (System.nanoTime() - e0) / 1e6;
            }
            ArticleFeatures features = new ArticleFeatures(title, body, dates[i], Datasets.text(r, "source"),
                    Datasets.text(r, "url"), Doc.of(body), meaning);
            long start = System.nanoTime();
            assigned[i] = grouper.assign(i, features).storyId();
            ms[k++] = (System.nanoTime() - start) / 1e6;
            if (grouper.regroupDue()) {
                long r0 = System.nanoTime();
                for (StoryMove m : grouper.regroup().moves()) {
                    assigned[(int) m.key()] = m.to();
                }
                regroupSeconds += (System.nanoTime() - r0) / 1e9;
                regroups++;
            }
        }
        grouper.mergeNow();
        List<Long> predicted = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            predicted.add(grouper.resolve(assigned[i]));
            String cluster = Datasets.text(records.get(i), "cluster");
            gold.add(cluster == null ? "record:" + i : cluster);
        }
        return new Result(records.size(), ClusterScores.of(predicted, gold), ms, encode, regroups, regroupSeconds);
    }
}
