package dev.precis.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scores article-body extraction the way the Zyte article-extraction benchmark does
 * (scrapinghub/article-extraction-benchmark, 2020): word-token 4-gram shingles compared as
 * multisets, per-page counts normalized so every page weighs the same, precision averaged over
 * pages with a non-empty prediction, recall over all pages, F1 the harmonic mean of the two means.
 *
 * <p>Tokens follow Python 3's {@code \w+}: maximal runs of Unicode letters, numbers
 * ({@code Nd}, {@code Nl}, {@code No}) and underscores; case is kept.
 */
public final class ExtractionEval {

    /** Shingle width. */
    public static final int SHINGLE = 4;

    private ExtractionEval() {
    }

    /**
     * One page's score.
     *
     * @param precision per-page precision
     * @param recall    per-page recall
     * @param predicted whether the prediction had any shingle (counts toward mean precision)
     * @param exact     whether the predicted token sequence equals the gold one
     */
    public record PageScore(double precision, double recall, boolean predicted, boolean exact) {
    }

    /**
     * Corpus figures with bootstrap standard deviations.
     *
     * @param pages        pages scored
     * @param precision    mean precision over pages with a non-empty prediction
     * @param recall       mean recall over all pages
     * @param f1           harmonic mean of {@code precision} and {@code recall}
     * @param accuracy     share of pages whose token sequence is exactly the gold one
     * @param precisionStd bootstrap standard deviation of precision
     * @param recallStd    bootstrap standard deviation of recall
     * @param f1Std        bootstrap standard deviation of F1
     * @param accuracyStd  bootstrap standard deviation of accuracy
     */
    public record Result(int pages, double precision, double recall, double f1, double accuracy,
                         double precisionStd, double recallStd, double f1Std, double accuracyStd) {
    }

    /** The word tokens of {@code text}, as Python's {@code re.findall(r"\w+", text)} gives them. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isWordChar(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            out.add(text.substring(start, i));
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        if (cp == '_') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** The multiset of token shingles: 4-token windows, or one shorter shingle for 1 to 3 tokens. */
    public static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        if (tokens.size() < SHINGLE) {
            out.put(List.copyOf(tokens), 1);
            return out;
        }
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            out.merge(tokens.subList(i, i + SHINGLE), 1, Integer::sum);
        }
        return out;
    }

    /** Scores one prediction against its gold body. */
    public static PageScore page(String gold, String predicted) {
        List<String> goldTokens = tokens(gold);
        List<String> predTokens = tokens(predicted == null ? "" : predicted);
        Map<List<String>, Integer> g = shingles(goldTokens);
        Map<List<String>, Integer> p = shingles(predTokens);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<List<String>, Integer> e : p.entrySet()) {
            int gc = g.getOrDefault(e.getKey(), 0);
            int pc = e.getValue();
            tp += Math.min(gc, pc);
            fp += Math.max(0, pc - gc);
        }
        for (Map.Entry<List<String>, Integer> e : g.entrySet()) {
            fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
        }
        double sum = tp + fp + fn;
        double tpN = sum > 0 ? tp / sum : 0;
        double fpN = sum > 0 ? fp / sum : 0;
        double fnN = sum > 0 ? fn / sum : 0;
        double precision;
        double recall;
        if (fp == 0 && fn == 0) {
            precision = 1;
            recall = 1;
        } else {
            precision = tpN + fpN > 0 ? tpN / (tpN + fpN) : 0;
            recall = tpN + fnN > 0 ? tpN / (tpN + fnN) : 0;
        }
        return new PageScore(precision, recall, tp + fp > 0, goldTokens.equals(predTokens));
    }

    /** Corpus figures over page scores, with 1,000 bootstrap resamples for the deviations. */
    public static Result corpus(List<PageScore> pages) {
        return corpus(pages, 1000, new Random(0));
    }

    /** Corpus figures with a chosen number of bootstrap resamples and random source. */
    public static Result corpus(List<PageScore> pages, int resamples, Random random) {
        double[] point = figures(pages);
        int n = pages.size();
        double[][] samples = new double[4][resamples];
        List<PageScore> sample = new ArrayList<>(n);
        for (int s = 0; s < resamples && n > 0; s++) {
            sample.clear();
            for (int i = 0; i < n; i++) {
                sample.add(pages.get(random.nextInt(n)));
            }
            double[] f = figures(sample);
            for (int k = 0; k < 4; k++) {
                samples[k][s] = f[k];
            }
        }
        return new Result(n, point[0], point[1], point[2], point[3],
                std(samples[0]), std(samples[1]), std(samples[2]), std(samples[3]));
    }

    /** precision, recall, f1, accuracy. */
    private static double[] figures(List<PageScore> pages) {
        double pSum = 0;
        int pN = 0;
        double rSum = 0;
        int exact = 0;
        for (PageScore s : pages) {
            if (s.predicted()) {
                pSum += s.precision();
                pN++;
            }
            rSum += s.recall();
            if (s.exact()) {
                exact++;
            }
        }
        double p = pN > 0 ? pSum / pN : 0;
        double r = pages.isEmpty() ? 0 : rSum / pages.size();
        double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        double acc = pages.isEmpty() ? 0 : (double) exact / pages.size();
        return new double[]{p, r, f1, acc};
    }

    private static double std(double[] xs) {
        if (xs.length == 0) {
            return 0;
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double var = 0;
        for (double x : xs) {
            var += (x - mean) * (x - mean);
        }
        return Math.sqrt(var / xs.length);
    }
}
