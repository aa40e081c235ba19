package dev.precis.web;

import dev.precis.article.Article;
import dev.precis.store.StoredArticle;
import dev.precis.text.Doc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the reader gets its story grouping: a single-pass TF-IDF centroid grouping (each article
 * joins the most similar story active within {@value #WINDOW_DAYS} days, title terms weighted
 * {@value #TITLE_WEIGHT}×, or starts a new one). A small stand-in until the core story grouper
 * ({@code dev.precis.stories}) is wired in here.
 */
final class Stories {

    static final int WINDOW_DAYS = 3;
    static final double TITLE_WEIGHT = 3.0;
    static final double THRESHOLD = 0.22;

    private Stories() {
    }

    static StoryIndex.Grouping grouping() {
        return Stories::group;
    }

    private static List<List<Integer>> group(List<StoredArticle> articles) {
        List<Map<String, Double>> tfs = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (StoredArticle s : articles) {
            Map<String, Double> tf = terms(s.article());
            tf.keySet().forEach(k -> df.merge(k, 1, Integer::sum));
            tfs.add(tf);
        }
        int n = articles.size();
        List<List<Integer>> groups = new ArrayList<>();
        List<Map<String, Double>> centroids = new ArrayList<>();
        List<Instant> last = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> v = new HashMap<>();
            tfs.get(i).forEach((k, tf) -> v.put(k, tf * Math.log(1.0 + (double) n / df.get(k))));
            normalize(v);
            Instant t = time(articles.get(i));
            int best = -1;
            double bestSim = THRESHOLD;
            for (int g = 0; g < groups.size(); g++) {
                if (t != null && last.get(g) != null && Duration.between(last.get(g), t).abs().toDays() > WINDOW_DAYS) {
                    continue;
                }
                double sim = dot(v, centroids.get(g));
                if (sim >= bestSim) {
                    bestSim = sim;
                    best = g;
                }
            }
            if (best < 0) {
                groups.add(new ArrayList<>(List.of(i)));
                centroids.add(new HashMap<>(v));
                last.add(t);
            } else {
                int size = groups.get(best).size();
                Map<String, Double> c = centroids.get(best);
                c.replaceAll((k, x) -> x * size);
                v.forEach((k, x) -> c.merge(k, x, Double::sum));
                normalize(c);
                groups.get(best).add(i);
                if (t != null) {
                    last.set(best, t);
                }
            }
        }
        return groups;
    }

    private static Map<String, Double> terms(Article a) {
        Map<String, Double> tf = new HashMap<>();
        add(tf, a.title() == null ? "" : a.title(), TITLE_WEIGHT);
        add(tf, a.text(), 1.0);
        return tf;
    }

    private static void add(Map<String, Double> tf, String text, double weight) {
        Doc doc = Doc.of(text);
        for (int t = 0; t < doc.tokenCount(); t++) {
            if (doc.isContent(t) && doc.norm(t).length() > 2) {
                tf.merge(doc.termString(doc.term(t)), weight, Double::sum);
            }
        }
    }

    private static void normalize(Map<String, Double> v) {
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        if (norm > 0) {
            v.replaceAll((k, x) -> x / norm);
        }
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double s = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double y = large.get(e.getKey());
            if (y != null) {
                s += e.getValue() * y;
            }
        }
        return s;
    }

    private static Instant time(StoredArticle s) {
        String p = s.article().published();
        if (p == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(p).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(p.substring(0, Math.min(10, p.length()))).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e2) {
                return null;
            }
        }
    }
}
