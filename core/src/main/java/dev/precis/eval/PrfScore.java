package dev.precis.eval;

/**
 * Precision, recall and their harmonic mean for one ROUGE measure of one summary.
 *
 * @param precision matched units over the units of the prediction
 * @param recall    matched units over the units of the reference
 * @param f1        {@code 2PR / (P + R)}, or 0 when both are 0
 */
public record PrfScore(double precision, double recall, double f1) {

    /** All zero: what an empty reference or prediction scores. */
    public static final PrfScore ZERO = new PrfScore(0, 0, 0);

    /**
     * The score with the given precision and recall, F1 computed exactly as the reference
     * scorer does ({@code 2 * p * r / (p + r)}) so that results agree to the last bit.
     */
    public static PrfScore of(double precision, double recall) {
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new PrfScore(precision, recall, f1);
    }
}
