package dev.precis.eval;

import dev.precis.text.PorterStemmer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum with the semantics of Google's {@code rouge-score}
 * Python package, the scorer behind most published summarization results.
 *
 * <p>It is written here rather than taken from a library because our numbers are only
 * comparable with published ones if they match that scorer exactly, down to tokenization,
 * stemming and which LCS ROUGE-Lsum picks, and no maintained Java library does. What it does:
 * <ul>
 *   <li>Tokens: lowercase, every run of characters outside {@code [a-z0-9]} is a separator
 *       ({@code "café"} gives {@code caf}); with stemming on, tokens longer than three
 *       characters are replaced by their {@link PorterStemmer} stem.</li>
 *   <li>ROUGE-N: clipped n-gram overlap; P = overlap / max(#prediction n-grams, 1),
 *       R = overlap / max(#reference n-grams, 1).</li>
 *   <li>ROUGE-L: LCS of the two texts as whole token sequences; 0 if either is empty.</li>
 *   <li>ROUGE-Lsum: both texts are split into sentences on {@code '\n'} (empty lines dropped).
 *       For each reference sentence, the union of its LCS with every prediction sentence is
 *       taken; each token of that union is a hit if it is still unused in both texts' token
 *       counts, which clips repeats. P = hits / prediction tokens, R = hits / reference tokens.
 *       Join a summary's sentences with {@code '\n'} to score it this way.</li>
 *   <li>Several references: per measure, the score of the reference with the highest F1
 *       (the first one on ties), as {@code score_multi} does.</li>
 * </ul>
 *
 * <p>Tokens are coded as ints per call, so the LCS and n-gram loops run on primitive arrays.
 * Instances are immutable and thread-safe.
 */
public final class Rouge {

    private final boolean stem;

    /**
     * @param stem whether to Porter-stem tokens longer than three characters, like
     *             {@code rouge-score}'s {@code use_stemmer=True} (the usual setting in papers)
     */
    public Rouge(boolean stem) {
        this.stem = stem;
    }

    /** Whether this scorer stems tokens. */
    public boolean stems() {
        return stem;
    }

    /**
     * The tokens ROUGE compares for {@code text}: lowercase {@code [a-z0-9]} runs, stemmed if
     * this scorer stems. Line breaks are ordinary separators here.
     */
    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean tokenChar = i < lower.length() && isTokenChar(lower.charAt(i));
            if (tokenChar && start < 0) {
                start = i;
            } else if (!tokenChar && start >= 0) {
                String token = lower.substring(start, i);
                tokens.add(stem && token.length() > 3 ? PorterStemmer.stem(token) : token);
                start = -1;
            }
        }
        return tokens;
    }

    /** Scores {@code prediction} against a single reference. */
    public RougeScores score(String reference, String prediction) {
        return score(List.of(reference), prediction);
    }

    /**
     * Scores {@code prediction} against each reference and keeps, per measure, the score of
     * the reference with the highest F1 (the first such reference on ties).
     *
     * @throws IllegalArgumentException if {@code references} is empty
     */
    public RougeScores score(List<String> references, String prediction) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("at least one reference is needed");
        }
        Map<String, Integer> codes = new HashMap<>();
        CodedText coded = code(prediction, codes);
        RougeScores best = null;
        for (String reference : references) {
            RougeScores scores = compare(code(reference, codes), coded, codes.size());
            best = best == null ? scores : new RougeScores(
                    better(best.r1(), scores.r1()),
                    better(best.r2(), scores.r2()),
                    better(best.rL(), scores.rL()),
                    better(best.rLsum(), scores.rLsum()));
        }
        return best;
    }

    private static PrfScore better(PrfScore sofar, PrfScore candidate) {
        return candidate.f1() > sofar.f1() ? candidate : sofar;
    }

    /** A text as token codes: all of it, and per non-empty line. */
    private record CodedText(int[] tokens, int[][] lines) {
    }

    private CodedText code(String text, Map<String, Integer> codes) {
        List<int[]> lines = new ArrayList<>();
        int total = 0;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                int[] lineCodes = tokens(line).stream()
                        .mapToInt(token -> codes.computeIfAbsent(token, t -> codes.size()))
                        .toArray();
                lines.add(lineCodes);
                total += lineCodes.length;
            }
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] line : lines) {
            System.arraycopy(line, 0, all, at, line.length);
            at += line.length;
        }
        return new CodedText(all, lines.toArray(int[][]::new));
    }

    private static RougeScores compare(CodedText reference, CodedText prediction, int vocabularySize) {
        return new RougeScores(
                ngramScore(reference.tokens(), prediction.tokens(), 1),
                ngramScore(reference.tokens(), prediction.tokens(), 2),
                lcsScore(reference.tokens(), prediction.tokens()),
                summaryLcsScore(reference.lines(), prediction.lines(), vocabularySize));
    }

    private static PrfScore ngramScore(int[] reference, int[] prediction, int n) {
        long[] referenceGrams = sortedNgrams(reference, n);
        long[] predictionGrams = sortedNgrams(prediction, n);
        int overlap = clippedOverlap(referenceGrams, predictionGrams);
        return PrfScore.of(
                overlap / (double) Math.max(predictionGrams.length, 1),
                overlap / (double) Math.max(referenceGrams.length, 1));
    }

    /** Unigrams or bigrams packed into longs (two 32-bit codes), sorted so equal ones are adjacent. */
    private static long[] sortedNgrams(int[] tokens, int n) {
        if (tokens.length < n) {
            return new long[0];
        }
        long[] grams = new long[tokens.length - n + 1];
        for (int i = 0; i < grams.length; i++) {
            grams[i] = n == 1 ? tokens[i] : ((long) tokens[i] << 32) | tokens[i + 1];
        }
        Arrays.sort(grams);
        return grams;
    }

    /** Sum over distinct n-grams of min(count in reference, count in prediction). */
    private static int clippedOverlap(long[] reference, long[] prediction) {
        int overlap = 0;
        int i = 0;
        int j = 0;
        while (i < reference.length && j < prediction.length) {
            if (reference[i] < prediction[j]) {
                i++;
            } else if (reference[i] > prediction[j]) {
                j++;
            } else {
                long gram = reference[i];
                int inReference = 0;
                int inPrediction = 0;
                for (; i < reference.length && reference[i] == gram; i++) {
                    inReference++;
                }
                for (; j < prediction.length && prediction[j] == gram; j++) {
                    inPrediction++;
                }
                overlap += Math.min(inReference, inPrediction);
            }
        }
        return overlap;
    }

    private static PrfScore lcsScore(int[] reference, int[] prediction) {
        if (reference.length == 0 || prediction.length == 0) {
            return PrfScore.ZERO;
        }
        int lcs = Lcs.length(reference, prediction);
        return PrfScore.of(lcs / (double) prediction.length, lcs / (double) reference.length);
    }

    private static PrfScore summaryLcsScore(int[][] reference, int[][] prediction, int vocabularySize) {
        int referenceTokens = 0;
        int predictionTokens = 0;
        int[] unusedInReference = new int[vocabularySize];
        int[] unusedInPrediction = new int[vocabularySize];
        for (int[] sentence : reference) {
            referenceTokens += sentence.length;
            for (int token : sentence) {
                unusedInReference[token]++;
            }
        }
        for (int[] sentence : prediction) {
            predictionTokens += sentence.length;
            for (int token : sentence) {
                unusedInPrediction[token]++;
            }
        }
        if (referenceTokens == 0 || predictionTokens == 0) {
            return PrfScore.ZERO;
        }
        int hits = 0;
        for (int[] sentence : reference) {
            boolean[] inUnion = new boolean[sentence.length];
            for (int[] candidate : prediction) {
                Lcs.markOnLcs(sentence, candidate, inUnion);
            }
            for (int i = 0; i < sentence.length; i++) {
                int token = sentence[i];
                if (inUnion[i] && unusedInReference[token] > 0 && unusedInPrediction[token] > 0) {
                    hits++;
                    unusedInReference[token]--;
                    unusedInPrediction[token]--;
                }
            }
        }
        return PrfScore.of(hits / (double) predictionTokens, hits / (double) referenceTokens);
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
