package dev.precis.web;

/**
 * Where the reader gets its story grouping. Until the core story grouper is wired in here, every
 * article is its own story.
 */
final class Stories {

    private Stories() {
    }

    static StoryIndex.Grouping grouping() {
        return StoryIndex.Grouping.SINGLETONS;
    }
}
