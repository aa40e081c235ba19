package dev.precis.eval;

/** Longest common subsequence of two int-coded token sequences. */
final class Lcs {

    private Lcs() {
    }

    /** The length of the LCS of {@code a} and {@code b}, in two rolling rows. */
    static int length(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            int ai = a[i - 1];
            for (int j = 1; j <= b.length; j++) {
                current[j] = ai == b[j - 1]
                        ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /**
     * Marks in {@code inLcs} the positions of {@code ref} that lie on one LCS of {@code ref}
     * and {@code candidate}. Which LCS, when there are several, matters for ROUGE-Lsum; this
     * is the one {@code rouge-score} finds: backtracking from the end, take a match when the
     * tokens are equal, else step back in the candidate only if that keeps a strictly longer
     * LCS than stepping back in the reference.
     */
    static void markOnLcs(int[] ref, int[] candidate, boolean[] inLcs) {
        int rows = ref.length;
        int cols = candidate.length;
        int width = cols + 1;
        int[] table = new int[(rows + 1) * width];
        for (int i = 1; i <= rows; i++) {
            int ri = ref[i - 1];
            int row = i * width;
            int above = row - width;
            for (int j = 1; j <= cols; j++) {
                table[row + j] = ri == candidate[j - 1]
                        ? table[above + j - 1] + 1
                        : Math.max(table[above + j], table[row + j - 1]);
            }
        }
        int i = rows;
        int j = cols;
        while (i > 0 && j > 0) {
            if (ref[i - 1] == candidate[j - 1]) {
                inLcs[i - 1] = true;
                i--;
                j--;
            } else if (table[i * width + j - 1] > table[(i - 1) * width + j]) {
                j--;
            } else {
                i--;
            }
        }
    }
}
