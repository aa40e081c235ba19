package dev.precis.eval;

import dev.precis.summary.Length;
import dev.precis.summary.PrecisSummarizer;
import dev.precis.summary.Selection;
import dev.precis.summary.SentenceFeatures;
import dev.precis.summary.TermVectors;
import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Fits the weights of {@link PrecisSummarizer} to datasets of articles with reference summaries.
 *
 * <p>The objective is the summary-level score itself: the weighted mean over datasets of the mean
 * per article of (ROUGE-1 F1 + ROUGE-2 F1) / 2, stemmed, of the summary that best-first selection
 * (with the same near-duplicate rule as {@link Selection#standard()}) makes at the dataset's
 * length. Each dataset counts by its given weight, whatever its size. The objective is piecewise constant in
 * the weights, so it is maximized by coordinate ascent with shrinking steps (a derivative-free
 * search with a line search per weight over a fixed set of steps, as in Metzler &amp; Croft, "Linear feature-based models for information
 * retrieval", 2007), starting from a lead-biased prior. Only the first reference of an article
 * is used while training.
 *
 * <p>Generalization is reported by k-fold cross-validation: every article is scored by weights
 * fitted without it (fold = its index in its file modulo k).
 */
public final class SummarizerTrainer {

    private static final double[] STEPS = {2, 1, 0.5, 0.25, 0.1, 0.05, 0.02};
    private static final int MAX_SWEEPS = 12;
    /**
     * The weight held at 1: rankings do not change when all weights are scaled, so fixing one
     * removes that freedom and gives the steps a meaning.
     */
    private static final int ANCHOR = SentenceFeatures.NAMES.indexOf("position.inverse");

    /** A dataset, the summary length it is judged at, and its weight in the objective. */
    public record Dataset(String name, List<SummaryEval.Example> examples, Length length, double weight) {
        public Dataset {
            examples = List.copyOf(examples);
            if (!(weight > 0)) {
                throw new IllegalArgumentException("dataset weight must be positive, got " + weight);
            }
        }
    }

    /** Figures of one dataset: mean F1 of ROUGE-1, ROUGE-2 and ROUGE-Lsum. */
    public record Figures(String dataset, int articles, double rouge1, double rouge2, double rougeLsum) {
    }

    /**
     * The outcome of a training run.
     *
     * @param weights        weights fitted on all articles, in {@link SentenceFeatures#NAMES} order
     * @param objective      training objective reached with them
     * @param full           figures of those weights on each whole dataset
     * @param crossValidated figures of k-fold cross-validation on each dataset
     */
    public record Report(double[] weights, double objective, List<Figures> full, List<Figures> crossValidated) {
    }

    private final Set<String> without;
    private double[] fileWeights;
    private final int threads;
    private final Consumer<String> log;

    /**
     * @param without features held at weight 0 (for ablations)
     * @param threads threads for evaluation
     * @param log     progress lines
     */
    public SummarizerTrainer(Set<String> without, int threads, Consumer<String> log) {
        for (String name : without) {
            if (!SentenceFeatures.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown feature '" + name + "' (features: "
                        + String.join(", ", SentenceFeatures.NAMES) + ")");
            }
        }
        this.without = Set.copyOf(without);
        this.threads = threads;
        this.log = log;
    }

    /** Fits on all articles, then runs {@code folds}-fold cross-validation (none when folds &lt; 2). */
    public Report run(List<Dataset> datasets, int folds) {
        List<List<Prepared>> prepared = new ArrayList<>();
        for (Dataset d : datasets) {
            prepared.add(IntStream.range(0, d.examples().size()).parallel()
                    .mapToObj(i -> Prepared.of(d.examples().get(i), d.length())).toList());
        }
        fileWeights = datasets.stream().mapToDouble(Dataset::weight).toArray();
        double[] weights = fit(prepared, (file, i) -> true);
        double objective = objective(prepared, (file, i) -> true, weights);
        List<Figures> full = new ArrayList<>();
        for (Dataset d : datasets) {
            full.add(figures(d.name(), List.of(d.examples()), d.length(), List.of(weights)));
        }
        List<Figures> cv = new ArrayList<>();
        if (folds >= 2) {
            List<double[]> foldWeights = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                int held = f;
                log.accept("fold " + (f + 1) + "/" + folds);
                foldWeights.add(fit(prepared, (file, i) -> i % folds != held));
            }
            for (Dataset d : datasets) {
                List<List<SummaryEval.Example>> parts = new ArrayList<>();
                for (int f = 0; f < folds; f++) {
                    int held = f;
                    parts.add(IntStream.range(0, d.examples().size()).filter(i -> i % folds == held)
                            .mapToObj(d.examples()::get).toList());
                }
                cv.add(figures(d.name(), parts, d.length(), foldWeights));
            }
        }
        return new Report(weights, objective, full, cv);
    }

    /** Scores each part with its weights through the real evaluation and pools the means. */
    private Figures figures(String name, List<List<SummaryEval.Example>> parts, Length length, List<double[]> weights) {
        int articles = 0;
        double r1 = 0;
        double r2 = 0;
        double rLsum = 0;
        for (int p = 0; p < parts.size(); p++) {
            if (parts.get(p).isEmpty()) {
                continue;
            }
            SummaryEval.Result r = SummaryEval.run(parts.get(p), new PrecisSummarizer(weights.get(p)), length, threads);
            articles += r.articles();
            r1 += r.rouge1().f1() * r.articles();
            r2 += r.rouge2().f1() * r.articles();
            rLsum += r.rougeLsum().f1() * r.articles();
        }
        return new Figures(name, articles, r1 / articles, r2 / articles, rLsum / articles);
    }

    @FunctionalInterface
    private interface Filter {
        boolean use(int file, int index);
    }

    /**
     * Coordinate ascent from two starts, keeping the better: the prior, and the weights fitted to
     * the first dataset alone (the main target), so a strong optimum of it is not missed.
     */
    private double[] fit(List<List<Prepared>> data, Filter filter) {
        double[] prior = new double[SentenceFeatures.COUNT];
        prior[ANCHOR] = 1;
        prior[SentenceFeatures.NAMES.indexOf("length.short")] = -1;
        prior[SentenceFeatures.NAMES.indexOf("share*centrality.degree")] = 2;
        zeroExcluded(prior);
        double[] a = ascend(data, filter, prior);
        if (data.size() < 2) {
            return a;
        }
        double[] main = ascend(data, (file, i) -> file == 0 && filter.use(file, i), prior);
        double[] b = ascend(data, filter, main);
        return objective(data, filter, b) > objective(data, filter, a) ? b : a;
    }

    private double[] ascend(List<List<Prepared>> data, Filter filter, double[] start) {
        double[] w = start.clone();
        double best = objective(data, filter, w);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean improved = false;
            for (int k = 0; k < w.length; k++) {
                if (k == ANCHOR || without.contains(SentenceFeatures.NAMES.get(k))) {
                    continue;
                }
                double bestValue = w[k];
                for (double step : STEPS) {
                    for (double sign : new double[]{1, -1}) {
                        double[] trial = w.clone();
                        trial[k] = w[k] + sign * step;
                        double o = objective(data, filter, trial);
                        if (o > best + 1e-9) {
                            best = o;
                            bestValue = trial[k];
                        }
                    }
                }
                if (bestValue != w[k]) {
                    w[k] = bestValue;
                    improved = true;
                }
            }
            log.accept(String.format(java.util.Locale.ROOT, "sweep %d: objective %.5f", sweep + 1, best));
            if (!improved) {
                break;
            }
        }
        return w;
    }

    private void zeroExcluded(double[] w) {
        for (String name : without) {
            w[SentenceFeatures.NAMES.indexOf(name)] = 0;
        }
    }

    private double objective(List<List<Prepared>> data, Filter filter, double[] w) {
        double total = 0;
        double files = 0;
        for (int file = 0; file < data.size(); file++) {
            List<Prepared> articles = data.get(file);
            int f = file;
            double[] values = new double[articles.size()];
            boolean[] used = new boolean[articles.size()];
            IntStream.range(0, articles.size()).parallel().forEach(i -> {
                if (filter.use(f, i)) {
                    values[i] = articles.get(i).gain(w);
                    used[i] = true;
                }
            });
            double sum = 0;
            int count = 0;
            for (int i = 0; i < values.length; i++) {
                if (used[i]) {
                    sum += values[i];
                    count++;
                }
            }
            if (count > 0) {
                total += fileWeights[file] * sum / count;
                files += fileWeights[file];
            }
        }
        return files == 0 ? 0 : total / files;
    }

    /** An article analyzed once, so any weights can be scored on it quickly. */
    private static final class Prepared {
        private final double[][] features;
        private final int[][] tokens;
        private final int[] words;
        private final boolean[][] redundant;
        private final int maxSentences;
        private final int wordBudget;
        private final int[] referenceCounts;
        private final long[] referenceBigrams;
        private final int referenceLength;

        private Prepared(double[][] features, int[][] tokens, int[] words, boolean[][] redundant, int maxSentences,
                         int wordBudget, int[] referenceCounts, long[] referenceBigrams, int referenceLength) {
            this.features = features;
            this.tokens = tokens;
            this.words = words;
            this.redundant = redundant;
            this.maxSentences = maxSentences;
            this.wordBudget = wordBudget;
            this.referenceCounts = referenceCounts;
            this.referenceBigrams = referenceBigrams;
            this.referenceLength = referenceLength;
        }

        static Prepared of(SummaryEval.Example example, Length length) {
            Rouge rouge = new Rouge(true);
            Doc doc = Doc.of(example.text());
            TermVectors v = TermVectors.of(doc);
            int n = doc.sentenceCount();
            Map<String, Integer> codes = new HashMap<>();
            int[][] tokens = new int[n][];
            int[] words = new int[n];
            boolean[][] redundant = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                tokens[i] = code(rouge.tokens(doc.sentenceText(i)), codes);
                words[i] = doc.wordCount(i);
                for (int j = 0; j < i; j++) {
                    boolean same = v.jaccard(i, j) >= Selection.DEFAULT_REDUNDANCY;
                    redundant[i][j] = same;
                    redundant[j][i] = same;
                }
            }
            int[] reference = code(rouge.tokens(example.references().get(0)), codes);
            int[] counts = new int[codes.size()];
            for (int c : reference) {
                counts[c]++;
            }
            return new Prepared(SentenceFeatures.of(doc, v, SentenceFeatures.share(doc, length)), tokens, words, redundant, length.maxSentences(n),
                    length.maxWords(), counts, bigrams(reference, reference.length, codes.size()), reference.length);
        }

        private static int[] code(List<String> tokens, Map<String, Integer> codes) {
            int[] out = new int[tokens.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = codes.computeIfAbsent(tokens.get(i), t -> codes.size());
            }
            return out;
        }

        private static long[] bigrams(int[] seq, int len, long vocabulary) {
            if (len < 2) {
                return new long[0];
            }
            long[] out = new long[len - 1];
            for (int i = 0; i + 1 < len; i++) {
                out[i] = seq[i] * vocabulary + seq[i + 1];
            }
            Arrays.sort(out);
            return out;
        }

        /** (ROUGE-1 F1 + ROUGE-2 F1) / 2 of the summary these weights select. */
        double gain(double[] w) {
            int n = features.length;
            if (n == 0) {
                return 0;
            }
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = PrecisSummarizer.score(features[i], w);
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
            boolean[] chosen = new boolean[n];
            int taken = 0;
            int wordsTaken = 0;
            List<Integer> picked = new ArrayList<>();
            for (int i : order) {
                if (taken >= maxSentences) {
                    break;
                }
                if (words[i] == 0 || wordsTaken + words[i] > wordBudget) {
                    continue;
                }
                boolean repeats = false;
                for (int c : picked) {
                    if (redundant[c][i]) {
                        repeats = true;
                        break;
                    }
                }
                if (repeats) {
                    continue;
                }
                picked.add(i);
                chosen[i] = true;
                taken++;
                wordsTaken += words[i];
            }
            int length = 0;
            for (int i = 0; i < n; i++) {
                if (chosen[i]) {
                    length += tokens[i].length;
                }
            }
            int[] seq = new int[length];
            int at = 0;
            for (int i = 0; i < n; i++) {
                if (chosen[i]) {
                    System.arraycopy(tokens[i], 0, seq, at, tokens[i].length);
                    at += tokens[i].length;
                }
            }
            int vocabulary = referenceCounts.length;
            int[] used = new int[vocabulary];
            int overlap1 = 0;
            for (int c : seq) {
                if (c < vocabulary && used[c]++ < referenceCounts[c]) {
                    overlap1++;
                }
            }
            long[] predictionBigrams = bigrams(seq, seq.length, vocabulary);
            int overlap2 = clipped(referenceBigrams, predictionBigrams);
            return (f1(overlap1, seq.length, referenceLength) + f1(overlap2, predictionBigrams.length, referenceBigrams.length)) / 2;
        }

        private static int clipped(long[] a, long[] b) {
            int i = 0;
            int j = 0;
            int overlap = 0;
            while (i < a.length && j < b.length) {
                if (a[i] < b[j]) {
                    i++;
                } else if (a[i] > b[j]) {
                    j++;
                } else {
                    overlap++;
                    i++;
                    j++;
                }
            }
            return overlap;
        }

        private static double f1(int overlap, int predicted, int reference) {
            double p = overlap / (double) Math.max(predicted, 1);
            double r = overlap / (double) Math.max(reference, 1);
            return p + r > 0 ? 2 * p * r / (p + r) : 0;
        }
    }
}
