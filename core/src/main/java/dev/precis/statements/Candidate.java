package dev.precis.statements;

/**
 * A statement as the rules find it, before its speaker is resolved: token ranges for speaker and
 * cue, char offsets for the content.
 */
final class Candidate {
    int contentStart;
    int contentEnd;
    int speakerFirst = -1;
    int speakerEnd = -1;
    int cueFirst = -1;
    int cueEnd = -1;
    String lemma;
    Statement.Kind kind;
    /** The statement whose speaker this one shares ("…, and added …", a continued quotation), or null. */
    Candidate sameSpeakerAs;

    Candidate(int contentStart, int contentEnd, Statement.Kind kind) {
        this.contentStart = contentStart;
        this.contentEnd = contentEnd;
        this.kind = kind;
    }
}
