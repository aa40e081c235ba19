package dev.precis.statements;

import dev.precis.text.Doc;

import java.util.List;

/**
 * Finds the statements of an article — who said what — on its {@link Doc}, without re-reading the
 * text: direct quotations attributed before or after ("…," he said / She said, "…" / "…," said
 * Jane Doe, the minister), quotations that continue without attribution (given the previous
 * speaker), reported speech after a cue verb ("X stressed that …", "X told reporters …"), reported
 * speech before it ("…, officials said."), "according to X", and possessive nominal cues ("X's
 * statement that …").
 *
 * <p>The method follows the rule-based attribution extractors of news quotation work — quotation
 * marks plus reporting-verb clauses, speakers as the noun phrase next to the cue — as in Pouliquen,
 * Steinberger and Best, "Automatic detection of quotations in multilingual news" (RANLP 2007) and
 * the Gender Gap Tracker's extractor (Asr et al., "The Gender Gap Tracker", PLoS ONE 2021), but
 * replaces the dependency parse by word-shape rules over the Doc's tokens. Cues come from the data
 * file of {@link CueLexicon}. Instances are immutable and thread-safe.
 */
public final class StatementExtractor {

    private final CueLexicon cues;

    /** An extractor with the English cue lexicon. */
    public StatementExtractor() {
        this(CueLexicon.english());
    }

    /** An extractor with the given cue lexicon. */
    public StatementExtractor(CueLexicon cues) {
        this.cues = cues;
    }

    /** The statements of {@code doc}, in text order of their content. */
    public List<Statement> statements(Doc doc) {
        return new Extraction(doc, cues).extract();
    }
}
